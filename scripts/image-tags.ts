/**
 * Prints each service's image tag (`npm run --silent image-tags`), the tag the deployment's build
 * step pushes: for building and pushing an image elsewhere, by hand or in another pipeline.
 */
import { loadProject } from "../config/load";
import { exitOnError } from "../stacks/error-report";
import { serviceImageTags } from "../stacks/synthesis";

exitOnError(() => {
  const root = process.cwd();
  for (const [service, tag] of Object.entries(serviceImageTags(root, loadProject(root).services))) {
    console.log(`${service}\t${tag}`);
  }
});

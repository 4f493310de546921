// npm run new-service -- <name> [--datastore postgres|dynamodb|none] [--calls <service>,...]
// Writes a working service folder (see USAGE in new-service/arguments.ts), or nothing at all.
import { join } from "node:path";
import { loadProject } from "../config/load";
import type { ServiceConfig } from "../config/model";
import { ConfigError, formatProblem } from "../config/problems";
import { parseArguments, USAGE } from "./new-service/arguments";
import { placeService } from "./new-service/placement";
import { packageContext, workspacePackages } from "./new-service/project-packages";
import { requestProblems } from "./new-service/request-problems";
import { serviceFiles } from "./new-service/service-files";
import { writeService } from "./new-service/write-service";

const ROOT = join(__dirname, "..");

/** Prints every problem, one a line, and exits 1: nothing was written. */
function refuse(problems: readonly string[]): never {
  console.error(`npm run new-service: ${problems.length} problem(s), nothing written:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}

function projectServices(): readonly ServiceConfig[] {
  try {
    return loadProject(ROOT).services;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    refuse([
      "the project's configuration has problems: fix them first (npm run synth lists them)",
      ...error.problems.map(formatProblem),
    ]);
  }
}

async function main(): Promise<void> {
  const parsed = parseArguments(process.argv.slice(2));
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const { request } = parsed;
  const services = projectServices();
  const context = packageContext(ROOT, request.name);
  const problems = [
    ...parsed.problems,
    ...requestProblems(ROOT, request, services, workspacePackages(ROOT), context.packageName),
  ];
  if (problems.length > 0) refuse(problems);

  const placed = placeService(ROOT, loadProject(ROOT), request);
  if ("problems" in placed) refuse(placed.problems);
  const { manifest } = placed;
  await writeService(ROOT, request.name, serviceFiles(request, manifest, context));

  const { routing } = manifest;
  const listener =
    routing.listenerPort === undefined ? "" : `, listener port ${routing.listenerPort}`;
  const calls = request.calls.length > 0 ? `, calls ${request.calls.join(", ")}` : "";
  console.log(
    [
      `wrote services/${request.name} and its entry in package-lock.json:`,
      `  port ${manifest.port}${listener}, path prefix ${routing.pathPrefix}, rule priority ${routing.priority}`,
      `  data store ${request.datastore}${calls}`,
      "next:",
      `  npm run dev -- ${request.name}   (builds and runs it here, with what it needs)`,
      `  npm test                                (its own tests: services/${request.name}/test)`,
      "  npm run synth                           (its infrastructure)",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  refuse([error instanceof Error ? error.message : String(error)]);
});

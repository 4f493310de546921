// Writes services/<name>/package-lock.json, the lockfile each service's image is built from, from
// the versions the root package-lock.json pins (scripts/lockfiles/service-lockfile.ts).
//   npm run lockfiles              (every service)
//   npm run lockfiles -- <name>…   (some of them)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serviceLockfile, type Lockfile } from "./lockfiles/service-lockfile";

const ROOT = join(__dirname, "..");

const requested = process.argv.slice(2);
const services = readdirSync(join(ROOT, "services"), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && existsSync(join(ROOT, "services", entry.name, "package.json")),
  )
  .map((entry) => entry.name);
const unknown = requested.filter((name) => !services.includes(name));
if (unknown.length > 0) {
  console.error(
    `npm run lockfiles: no service named ${unknown.join(", ")} under services/ (with a package.json); expected one of ${services.join(", ")}`,
  );
  process.exit(1);
}
const rootLock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Lockfile;
for (const name of requested.length > 0 ? requested : services) {
  const serviceDir = `services/${name}`;
  const manifest = JSON.parse(readFileSync(join(ROOT, serviceDir, "package.json"), "utf8"));
  writeFileSync(
    join(ROOT, serviceDir, "package-lock.json"),
    serviceLockfile(rootLock, serviceDir, manifest),
  );
  console.log(`wrote ${serviceDir}/package-lock.json`);
}

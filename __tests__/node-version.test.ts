import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const SERVICES_DIR = join(ROOT, "services");
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

/** The one statement of the supported Node.js version: .nvmrc. Everything else must agree. */
const version = readFileSync(join(ROOT, ".nvmrc"), "utf8").trim();
const major = version.split(".")[0];
const services = readdirSync(SERVICES_DIR).filter((name) =>
  existsSync(join(SERVICES_DIR, name, "service.json")),
);
/** Every npm workspace of the project ("services/*" expanded). */
const workspaces = (readJson(join(ROOT, "package.json")).workspaces as string[]).flatMap((entry) =>
  entry.endsWith("/*")
    ? readdirSync(join(ROOT, entry.slice(0, -2))).map((name) => `${entry.slice(0, -1)}${name}`)
    : [entry],
);

describe("the supported Node.js version", () => {
  it(".nvmrc holds an exact version", () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("is the engines range of the project and of every workspace package", () => {
    expect(readJson(join(ROOT, "package.json")).engines).toEqual({ node: `>=${major}` });
    const packages = workspaces.filter((folder) => existsSync(join(ROOT, folder, "package.json")));
    expect(packages.length).toBeGreaterThan(services.length);
    for (const folder of packages) {
      const { engines } = readJson(join(ROOT, folder, "package.json"));
      expect({ folder, engines }).toEqual({ folder, engines: { node: `>=${major}` } });
    }
  });

  it("is the version every service's image runs", () => {
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      const dockerfile = readFileSync(join(SERVICES_DIR, service, "Dockerfile"), "utf8");
      const nodeImages = [...dockerfile.matchAll(/^FROM\s+(?:--\S+\s+)*node:(\S+)/gm)].map(
        (match) => match[1],
      );
      expect(nodeImages.length).toBeGreaterThan(0);
      for (const tag of nodeImages) {
        expect({ service, version: tag.split("-")[0] }).toEqual({ service, version });
      }
    }
  });
});

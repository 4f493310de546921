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

describe("the supported Node.js version", () => {
  it(".nvmrc holds an exact version", () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("is the project's engines range", () => {
    expect(readJson(join(ROOT, "package.json")).engines).toEqual({ node: `>=${major}` });
  });

  it("is every service's engines range and the version its image runs", () => {
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      const manifest = readJson(join(SERVICES_DIR, service, "package.json"));
      expect({ service, engines: manifest.engines }).toEqual({
        service,
        engines: { node: `>=${major}` },
      });
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

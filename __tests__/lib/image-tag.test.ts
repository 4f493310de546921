import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { imageTag } from "../../lib/image-tag";

const SERVICES = join(__dirname, "..", "..", "services");
let workDir: string;

/** A copy of a real service folder (no build output, no dependencies) in the temporary directory. */
function copyOf(service: string, as = service): string {
  const target = join(workDir, as);
  cpSync(join(SERVICES, service), target, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)([/\\]|$)/.test(source),
  });
  return target;
}

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), "image-tag-"));
});
afterEach(() => rmSync(workDir, { recursive: true, force: true }));

describe("imageTag", () => {
  it("is the same for the same files, wherever the folder is", () => {
    expect(imageTag(copyOf("users", "a"))).toBe(imageTag(copyOf("users", "b")));
    expect(imageTag(copyOf("users", "c"))).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ["a source file", "src/server.ts"],
    ["the Dockerfile", "Dockerfile"],
    ["the lockfile", "package-lock.json"],
    ["package.json", "package.json"],
    ["tsconfig.json", "tsconfig.json"],
    ["the .dockerignore", ".dockerignore"],
  ])("changes when %s changes", (_what, file) => {
    const dir = copyOf("users");
    const before = imageTag(dir);
    appendFileSync(join(dir, file), "\n");
    expect(imageTag(dir)).not.toBe(before);
  });

  it("changes when a source file is added", () => {
    const dir = copyOf("products");
    const before = imageTag(dir);
    writeFileSync(join(dir, "src", "new-module.ts"), "export {};\n");
    expect(imageTag(dir)).not.toBe(before);
  });

  it.each([
    [
      "README.md changes",
      (dir: string) => appendFileSync(join(dir, "README.md"), "\nMore docs.\n"),
    ],
    [
      "the manifest's desiredCount changes",
      (dir: string) => appendFileSync(join(dir, "service.json"), " "),
    ],
    [
      "a build writes dist/",
      (dir: string) => {
        mkdirSync(join(dir, "dist"));
        writeFileSync(join(dir, "dist", "server.js"), "built");
      },
    ],
    [
      "dependencies are installed",
      (dir: string) => {
        mkdirSync(join(dir, "node_modules", "x"), { recursive: true });
        writeFileSync(join(dir, "node_modules", "x", "index.js"), "x");
      },
    ],
  ])("stays the same when %s: the build context leaves it out", (_what, change) => {
    const dir = copyOf("users");
    const before = imageTag(dir);
    change(dir);
    expect(imageTag(dir)).toBe(before);
  });

  it("stays the same when another service changes", () => {
    const users = copyOf("users");
    const products = copyOf("products");
    const before = imageTag(users);
    appendFileSync(join(products, "src", "server.ts"), "\n");
    appendFileSync(join(products, "package-lock.json"), "\n");
    expect(imageTag(users)).toBe(before);
  });

  it("differs between target platforms, and is stable for each", () => {
    const dir = copyOf("users");
    const amd64 = imageTag(dir, { platform: "linux/amd64" });
    expect(imageTag(dir, { platform: "linux/arm64" })).not.toBe(amd64);
    expect(imageTag(dir, { platform: "linux/amd64" })).toBe(amd64);
  });

  it("hashes everything but build output and dependencies when a service has no .dockerignore", () => {
    const dir = copyOf("users");
    rmSync(join(dir, ".dockerignore"));
    const before = imageTag(dir);
    mkdirSync(join(dir, "dist"));
    writeFileSync(join(dir, "dist", "server.js"), "built");
    expect(imageTag(dir)).toBe(before);
    appendFileSync(join(dir, "README.md"), "\n");
    expect(imageTag(dir)).not.toBe(before);
  });

  describe("with a named build context", () => {
    /** A shared folder as a named context: an allow-list .dockerignore, a source file, a README. */
    function sharedContext(): string {
      const dir = join(workDir, "shared");
      mkdirSync(join(dir, "src"), { recursive: true });
      writeFileSync(join(dir, ".dockerignore"), "*\n!src\n");
      writeFileSync(join(dir, "src", "index.ts"), "export const shared = 1;\n");
      writeFileSync(join(dir, "README.md"), "Shared code.\n");
      return dir;
    }

    it("changes when a file the named context keeps changes", () => {
      const service = copyOf("users");
      const namedContexts = { shared: sharedContext() };
      const before = imageTag(service, { namedContexts });
      expect(imageTag(service)).not.toBe(before);
      appendFileSync(join(namedContexts.shared, "src", "index.ts"), "\n");
      expect(imageTag(service, { namedContexts })).not.toBe(before);
    });

    it("stays the same when a file its own .dockerignore leaves out changes", () => {
      const service = copyOf("users");
      const namedContexts = { shared: sharedContext() };
      const before = imageTag(service, { namedContexts });
      appendFileSync(join(namedContexts.shared, "README.md"), "More.\n");
      expect(imageTag(service, { namedContexts })).toBe(before);
    });

    it("depends on the context's name, not on where its folder is", () => {
      const service = copyOf("users");
      const folder = sharedContext();
      const moved = join(workDir, "elsewhere");
      cpSync(folder, moved, { recursive: true });
      const tag = imageTag(service, { namedContexts: { shared: folder } });
      expect(imageTag(service, { namedContexts: { shared: moved } })).toBe(tag);
      expect(imageTag(service, { namedContexts: { common: folder } })).not.toBe(tag);
    });
  });
});

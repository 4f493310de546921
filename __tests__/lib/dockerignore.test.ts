import { DockerIgnore } from "../../lib/dockerignore";

describe("DockerIgnore", () => {
  it("excludes a directory and everything below it", () => {
    const rules = new DockerIgnore("node_modules\n");
    expect(rules.ignores("node_modules")).toBe(true);
    expect(rules.ignores("node_modules/fastify/package.json")).toBe(true);
    expect(rules.ignores("src/node_modules.ts")).toBe(false);
  });

  it("reads an allow-list: * then ! exceptions", () => {
    const rules = new DockerIgnore("*\n!package.json\n!src\n");
    expect(rules.ignores("README.md")).toBe(true);
    expect(rules.ignores("dist/server.js")).toBe(true);
    expect(rules.ignores("package.json")).toBe(false);
    expect(rules.ignores("src/users/user-store.ts")).toBe(false);
  });

  it("lets the last matching line decide", () => {
    const rules = new DockerIgnore("*.md\n!README.md\n");
    expect(rules.ignores("CHANGELOG.md")).toBe(true);
    expect(rules.ignores("README.md")).toBe(false);
    expect(new DockerIgnore("!README.md\n*.md\n").ignores("README.md")).toBe(true);
  });

  it("matches * within one path segment and ** across segments", () => {
    const rules = new DockerIgnore("*.log\n**/*.tmp\ndocs/*/draft\n");
    expect(rules.ignores("debug.log")).toBe(true);
    expect(rules.ignores("logs/debug.log")).toBe(false);
    expect(rules.ignores("a.tmp")).toBe(true);
    expect(rules.ignores("a/b/c.tmp")).toBe(true);
    expect(rules.ignores("docs/api/draft")).toBe(true);
    expect(rules.ignores("docs/api/v1/draft")).toBe(false);
  });

  it("supports ? and character classes", () => {
    const rules = new DockerIgnore("file?.txt\n[ab].js\n");
    expect(rules.ignores("file1.txt")).toBe(true);
    expect(rules.ignores("file10.txt")).toBe(false);
    expect(rules.ignores("a.js")).toBe(true);
    expect(rules.ignores("c.js")).toBe(false);
  });

  it("ignores comments and blank lines, and reads /x and ./x as x", () => {
    const rules = new DockerIgnore("# a comment\n\n/dist\n./coverage\n");
    expect(rules.ignores("# a comment")).toBe(false);
    expect(rules.ignores("dist/a.js")).toBe(true);
    expect(rules.ignores("coverage/index.html")).toBe(true);
  });

  it("walks into an excluded directory only when an exception may re-include something in it", () => {
    const rules = new DockerIgnore("*\n!src\n!config/keep.json\n");
    expect(rules.mayKeepBelow("node_modules")).toBe(false);
    expect(rules.mayKeepBelow("src")).toBe(true);
    expect(rules.mayKeepBelow("config")).toBe(true);
    expect(rules.ignores("config/keep.json")).toBe(false);
    expect(rules.ignores("config/other.json")).toBe(true);
  });
});

import {
  DockerfileParser,
  type Add,
  type Copy,
  type Dockerfile,
  type From,
  type Instruction,
} from "dockerfile-ast";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerIgnore } from "../../lib/dockerignore";

const SERVICES_DIR = join(__dirname, "..", "..", "services");
const services = readdirSync(SERVICES_DIR).filter((name) =>
  existsSync(join(SERVICES_DIR, name, "service.json")),
);

interface Stage {
  readonly from: From;
  readonly instructions: readonly Instruction[];
}

/** The Dockerfile's build stages, each with the instructions that follow its FROM. */
function stagesOf(dockerfile: Dockerfile): Stage[] {
  const stages: { from: From; instructions: Instruction[] }[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === "FROM") {
      stages.push({ from: instruction as From, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const keyword = (name: string) => (instruction: Instruction) => instruction.getKeyword() === name;
const text = (instruction: Instruction) => instruction.getArgumentsContent() ?? "";
/** A COPY --from=<stage>: copies out of another stage, not out of the build context. */
const fromStage = (instruction: Instruction) => (instruction as Copy).getFromFlag() !== null;

describe.each(services)("the %s Dockerfile", (service) => {
  const dir = join(SERVICES_DIR, service);
  const manifest = JSON.parse(readFileSync(join(dir, "service.json"), "utf8"));
  const dockerfile = DockerfileParser.parse(readFileSync(join(dir, "Dockerfile"), "utf8"));
  const stages = stagesOf(dockerfile);
  const runtime = stages[stages.length - 1];
  const stageNames = new Set(stages.map((stage) => stage.from.getBuildStage()));

  it("is multi-stage: a build stage, then a runtime stage", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.instructions.filter(keyword("COPY")).some(fromStage)).toBe(true);
  });

  it("pins every base image by a version tag, never latest", () => {
    for (const { from } of stages) {
      if (stageNames.has(from.getImageName())) continue;
      const tag = from.getImageTag();
      expect({ image: from.getImage(), tag }).toEqual({
        image: from.getImage(),
        tag: expect.stringMatching(/^\d+\.\d+\.\d+(-[a-z0-9.-]+)?$/),
      });
    }
  });

  it("runs as a non-root user in the runtime stage", () => {
    const users = runtime.instructions.filter(keyword("USER")).map(text);
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].split(":")[0];
    expect(["root", "0"]).not.toContain(user);
  });

  it("exposes the manifest's port and defaults PORT to it", () => {
    const exposed = runtime.instructions.filter(keyword("EXPOSE")).map(text);
    expect(exposed).toEqual([String(manifest.port)]);
    const env = runtime.instructions.filter(keyword("ENV")).map(text);
    expect(env).toContain(`PORT=${manifest.port}`);
  });

  it("has a HEALTHCHECK that probes the manifest's health path with node", () => {
    const checks = runtime.instructions.filter(keyword("HEALTHCHECK")).map(text);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toContain(manifest.healthCheck.path);
    expect(checks[0]).toMatch(/CMD \["node",/);
  });

  it("installs production dependencies only in the runtime stage", () => {
    const installs = runtime.instructions
      .filter(keyword("RUN"))
      .map(text)
      .filter((run) => /npm (ci|install)/.test(run));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toMatch(/--omit=dev/);
    const copiedFromBuild = runtime.instructions
      .filter(keyword("COPY"))
      .filter(fromStage)
      .map(text);
    for (const copy of copiedFromBuild) expect(copy).not.toMatch(/node_modules/);
    expect(runtime.instructions.filter(keyword("ENV")).map(text)).toContain("NODE_ENV=production");
  });

  it("starts node itself (exec form), so the service gets SIGTERM", () => {
    const commands = runtime.instructions.filter(keyword("CMD")).map(text);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^\["node", "dist\/server\.js"\]$/);
    expect(runtime.instructions.filter(keyword("ENTRYPOINT"))).toHaveLength(0);
  });

  describe("with its .dockerignore", () => {
    const ignoreFile = join(dir, ".dockerignore");
    const rules = new DockerIgnore(existsSync(ignoreFile) ? readFileSync(ignoreFile, "utf8") : "");

    it("exists", () => {
      expect(existsSync(ignoreFile)).toBe(true);
    });

    it.each([
      "node_modules/fastify/package.json",
      "dist/server.js",
      "README.md",
      "service.json",
      ".env",
    ])("keeps %s out of the build context", (path) => {
      expect(rules.ignores(path)).toBe(true);
    });

    it("keeps in the context every file the Dockerfile copies", () => {
      const sources = stages
        .flatMap((stage) => stage.instructions.filter(keyword("COPY")))
        .filter((copy) => !fromStage(copy))
        .flatMap((copy) =>
          copy
            .getArguments()
            .slice(0, -1)
            .map((argument) => argument.getValue()),
        );
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect({ source, exists: existsSync(join(dir, source)) }).toEqual({ source, exists: true });
        expect({ source, ignored: rules.ignores(source) }).toEqual({ source, ignored: false });
      }
    });
  });
});

describe("the users image", () => {
  const dockerfile = DockerfileParser.parse(
    readFileSync(join(SERVICES_DIR, "users", "Dockerfile"), "utf8"),
  );
  const runtime = stagesOf(dockerfile).at(-1)!;

  it("trusts the RDS certificate authorities, so it can verify its database (DATABASE_SSL=verify-full)", () => {
    const bundle = runtime.instructions
      .filter(keyword("ADD"))
      .find((add) =>
        text(add).startsWith("https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem "),
      );
    expect(bundle && text(bundle).split(" ")[1]).toBe("/etc/ssl/certs/rds-global-bundle.pem");
    const flags = (bundle as Add).getFlags().map((flag) => `${flag.getName()}=${flag.getValue()}`);
    expect(flags).toEqual(["chmod=644"]);
    expect(runtime.instructions.filter(keyword("ENV")).map(text)).toContain(
      "NODE_EXTRA_CA_CERTS=/etc/ssl/certs/rds-global-bundle.pem",
    );
  });
});

import {
  DockerfileParser,
  type Add,
  type Copy,
  type Dockerfile,
  type From,
  type Instruction,
} from "dockerfile-ast";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerIgnore } from "../../lib/dockerignore";
import { SHARED_BUILD_CONTEXTS } from "../../lib/shared-build-contexts";
import { projectServices } from "./support/local-stack";

const ROOT = join(__dirname, "..", "..");

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
/** The `--from` of a COPY: a stage or a named build context; null for the main build context. */
const fromOf = (instruction: Instruction) =>
  (instruction as Copy).getFromFlag()?.getValue() ?? null;
/** The source paths of a COPY (every argument but the destination). */
const sourcesOf = (copy: Instruction) =>
  copy
    .getArguments()
    .slice(0, -1)
    .map((argument) => argument.getValue());
/** The package each named build context holds, by its package.json name. */
const sharedPackages = Object.values(SHARED_BUILD_CONTEXTS).map(
  (folder) => JSON.parse(readFileSync(join(ROOT, folder, "package.json"), "utf8")).name as string,
);
const ignoreRules = (dir: string) => {
  const file = join(dir, ".dockerignore");
  return new DockerIgnore(existsSync(file) ? readFileSync(file, "utf8") : "");
};

describe.each(projectServices().map((service) => [service.name, service.directory] as const))(
  "the %s Dockerfile",
  (_name, directory) => {
    const dir = join(ROOT, directory);
    const manifest = JSON.parse(readFileSync(join(dir, "service.json"), "utf8"));
    const dockerfile = DockerfileParser.parse(readFileSync(join(dir, "Dockerfile"), "utf8"));
    const stages = stagesOf(dockerfile);
    const runtime = stages[stages.length - 1];
    const stageNames = new Set(stages.map((stage) => stage.from.getBuildStage()));
    /** A COPY --from=<stage>: copies out of another stage, not out of a build context. */
    const fromStage = (instruction: Instruction) => stageNames.has(fromOf(instruction) ?? "");
    const copies = stages.flatMap((stage) => stage.instructions.filter(keyword("COPY")));

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
      // The build stage's node_modules holds the dev dependencies: only the shared packages built
      // there may come out of it.
      const sharedPackage = (copy: string) =>
        sharedPackages.some((name) => copy.startsWith(`/app/node_modules/${name}/`));
      for (const copy of copiedFromBuild.filter((copy) => !sharedPackage(copy))) {
        expect(copy).not.toMatch(/node_modules/);
      }
      expect(runtime.instructions.filter(keyword("ENV")).map(text)).toContain(
        "NODE_ENV=production",
      );
    });

    it("starts node itself (exec form), so the service gets SIGTERM", () => {
      const commands = runtime.instructions.filter(keyword("CMD")).map(text);
      expect(commands).toHaveLength(1);
      expect(commands[0]).toMatch(/^\["node", "dist\/server\.js"\]$/);
      expect(runtime.instructions.filter(keyword("ENTRYPOINT"))).toHaveLength(0);
    });

    it("copies only from its stages and from the project's named build contexts", () => {
      const known = [...stageNames, ...Object.keys(SHARED_BUILD_CONTEXTS)];
      const froms = copies.map(fromOf).filter((from) => from !== null);
      expect(froms.length).toBeGreaterThan(0);
      for (const from of froms) expect(known).toContain(from);
    });

    describe.each(Object.entries(SHARED_BUILD_CONTEXTS))(
      "with the named build context %s",
      (name, folder) => {
        const contextDir = join(ROOT, folder);
        const copied = copies.filter((copy) => fromOf(copy) === name).flatMap(sourcesOf);
        if (copied.length === 0) return; // this image does not use the context

        it("copies only files that exist there and that its .dockerignore keeps", () => {
          const rules = ignoreRules(contextDir);
          for (const source of copied) {
            expect({ source, exists: existsSync(join(contextDir, source)) }).toEqual({
              source,
              exists: true,
            });
            expect({ source, ignored: rules.ignores(source) }).toEqual({ source, ignored: false });
          }
        });

        it("installs the package built from it in the runtime stage's node_modules", () => {
          const packageName = sharedPackages[Object.keys(SHARED_BUILD_CONTEXTS).indexOf(name)];
          const installed = runtime.instructions
            .filter(keyword("COPY"))
            .filter(fromStage)
            .map((copy) => copy.getArguments().at(-1)?.getValue());
          expect(installed).toEqual(
            expect.arrayContaining([
              `./node_modules/${packageName}/`,
              `./node_modules/${packageName}/dist`,
            ]),
          );
        });
      },
    );

    describe("with its .dockerignore", () => {
      const ignoreFile = join(dir, ".dockerignore");
      const rules = ignoreRules(dir);

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
        const sources = copies.filter((copy) => fromOf(copy) === null).flatMap(sourcesOf);
        expect(sources.length).toBeGreaterThan(0);
        for (const source of sources) {
          expect({ source, exists: existsSync(join(dir, source)) }).toEqual({
            source,
            exists: true,
          });
          expect({ source, ignored: rules.ignores(source) }).toEqual({ source, ignored: false });
        }
      });
    });
  },
);

describe.each(Object.entries(SHARED_BUILD_CONTEXTS))(
  "the named build context %s",
  (_name, folder) => {
    const rules = ignoreRules(join(ROOT, folder));

    it.each(["node_modules/fastify/package.json", "dist/index.js", "README.md", ".env"])(
      "keeps %s out",
      (path) => {
        expect(rules.ignores(path)).toBe(true);
      },
    );
  },
);

const postgresServices = projectServices().filter((service) => service.datastores.postgres);

// ECS gives every service with a postgres data store DATABASE_SSL=verify-full.
if (postgresServices.length > 0) {
  describe.each(postgresServices.map((service) => [service.name, service.directory] as const))(
    "the %s image (a PostgreSQL client)",
    (_name, directory) => {
      const dockerfile = DockerfileParser.parse(
        readFileSync(join(ROOT, directory, "Dockerfile"), "utf8"),
      );
      const runtime = stagesOf(dockerfile).at(-1)!;

      it("trusts the RDS certificate authorities, so it can verify its database (DATABASE_SSL=verify-full)", () => {
        const bundle = runtime.instructions
          .filter(keyword("ADD"))
          .find((add) =>
            text(add).startsWith(
              "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem ",
            ),
          );
        expect(bundle && text(bundle).split(" ")[1]).toBe("/etc/ssl/certs/rds-global-bundle.pem");
        const flags = (bundle as Add)
          .getFlags()
          .map((flag) => `${flag.getName()}=${flag.getValue()}`);
        expect(flags).toEqual(["chmod=644"]);
        expect(runtime.instructions.filter(keyword("ENV")).map(text)).toContain(
          "NODE_EXTRA_CA_CERTS=/etc/ssl/certs/rds-global-bundle.pem",
        );
      });
    },
  );
}

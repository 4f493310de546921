import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Construct } from "constructs";
import { join } from "node:path";
import { ImageBuildModule } from "../../modules/image-build";
import { REPO_ROOT } from "../support/temp-project";
import { synthScope } from "../support/synth";

const SCRIPT = join(REPO_ROOT, "scripts", "build-and-push-image.sh");

describe("ImageBuildModule", () => {
  let images!: ImageBuildModule;
  const synth = synthScope((scope) => {
    images = new ImageBuildModule(scope, "images", {
      region: "eu-west-1",
      workingDirectory: "../../..",
      images: [
        {
          name: "users",
          repositoryUrl: "123.dkr.ecr.eu-west-1.amazonaws.com/shop/users",
          tag: "abc123",
          context: ".",
          dockerfile: "services/users/Dockerfile",
          cpuArchitecture: "X86_64",
        },
        {
          name: "products",
          repositoryUrl: "123.dkr.ecr.eu-west-1.amazonaws.com/shop/products",
          tag: "def456",
          context: ".",
          dockerfile: "services/products/Dockerfile",
          cpuArchitecture: "ARM64",
        },
      ],
    });
  });

  it("replaces each service's build step exactly when its image reference or platform changes", () => {
    expect(synth.resourceAt("terraform_data", "build-and-push-users").triggers_replace).toEqual({
      image: "123.dkr.ecr.eu-west-1.amazonaws.com/shop/users:abc123",
      platform: "linux/amd64",
    });
    expect(synth.resourceAt("terraform_data", "build-and-push-products").triggers_replace).toEqual({
      image: "123.dkr.ecr.eu-west-1.amazonaws.com/shop/products:def456",
      platform: "linux/arm64",
    });
  });

  it("hands out each image with the step that pushes it, and refuses an image it was not given", () => {
    expect(images.image("products")).toMatchObject({
      name: "products",
      repositoryUrl: "123.dkr.ecr.eu-west-1.amazonaws.com/shop/products",
      tag: "def456",
    });
    const step = images.image("products").buildStep as unknown as Construct;
    expect(step.node.path).toMatch(/\/images\/build-and-push-products$/);
    expect(() => images.image("orders")).toThrow(
      'no image "orders"; pass it in the image build module\'s images',
    );
  });

  it("runs the build-and-push script from the project root with the image's settings", () => {
    expect(synth.resourceAt("terraform_data", "build-and-push-users").provisioner).toEqual([
      {
        "local-exec": {
          command: "scripts/build-and-push-image.sh",
          working_dir: "../../..",
          environment: {
            REPOSITORY_URL: "123.dkr.ecr.eu-west-1.amazonaws.com/shop/users",
            IMAGE_TAG: "abc123",
            BUILD_CONTEXT: ".",
            DOCKERFILE: "services/users/Dockerfile",
            BUILD_CONTEXTS: "service-platform=service-platform",
            PLATFORM: "linux/amd64",
            AWS_REGION: "eu-west-1",
          },
        },
      },
    ]);
  });

  it("passes every named build context, one name=folder a line", () => {
    const synth = synthScope((scope) => {
      new ImageBuildModule(scope, "images", {
        region: "eu-west-1",
        workingDirectory: "../../..",
        buildContexts: { shared: "shared", "design-tokens": "ui/tokens" },
        images: [
          {
            name: "users",
            repositoryUrl: "123.dkr.ecr.eu-west-1.amazonaws.com/shop/users",
            tag: "abc123",
            context: "services/users",
            dockerfile: "services/users/Dockerfile",
            cpuArchitecture: "X86_64",
          },
        ],
      });
    });
    const [provisioner] = synth.resourceAt("terraform_data", "build-and-push-users")
      .provisioner as { "local-exec": { environment: Record<string, string> } }[];
    expect(provisioner["local-exec"].environment.BUILD_CONTEXTS).toBe(
      "shared=shared\ndesign-tokens=ui/tokens",
    );
  });

  it("needs no provider: terraform_data is built into Terraform", () => {
    expect(synth.json.terraform?.required_providers).toBeUndefined();
  });
});

/**
 * Runs the build script with stand-ins for `aws` and `docker` (no Docker engine here) that log
 * their arguments.
 */
function runScript(describeImages: "found" | "not-found" | "denied", buildContexts?: string) {
  const bin = mkdtempSync(join(tmpdir(), "fake-bin-"));
  const log = join(bin, "calls.log");
  const fake = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >> "${log}"\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  const lookup = {
    found: 'echo "IMAGEDETAILS sha256:1 abc123"',
    "not-found":
      'echo "An error occurred (ImageNotFoundException) when calling the DescribeImages operation" >&2; exit 254',
    denied: 'echo "An error occurred (AccessDeniedException)" >&2; exit 254',
  }[describeImages];
  fake(
    "aws",
    `if [ "$2" = describe-images ]; then ${lookup}; fi; if [ "$2" = get-login-password ]; then echo token; fi`,
  );
  fake("docker", 'if [ "$1" = login ]; then cat > /dev/null; fi');
  writeFileSync(log, "");
  const result = spawnSync("bash", [SCRIPT], {
    encoding: "utf8",
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      REPOSITORY_URL: "123.dkr.ecr.eu-west-1.amazonaws.com/shop-prod/users",
      IMAGE_TAG: "abc123",
      BUILD_CONTEXT: ".",
      DOCKERFILE: "services/users/Dockerfile",
      PLATFORM: "linux/arm64",
      AWS_REGION: "eu-west-1",
      ...(buildContexts === undefined ? {} : { BUILD_CONTEXTS: buildContexts }),
    },
  });
  return { ...result, calls: readFileSync(log, "utf8").trim().split("\n").filter(Boolean) };
}

describe("scripts/build-and-push-image.sh", () => {
  it("logs in to ECR, builds for the task's platform and pushes when the tag is not in the repository", () => {
    const { status, calls } = runScript("not-found");
    expect(status).toBe(0);
    expect(calls[0]).toBe(
      "aws ecr describe-images --region eu-west-1 --repository-name shop-prod/users --image-ids imageTag=abc123 --output text",
    );
    // The login is a pipeline: both ends run at once, so their order in the log varies.
    expect(calls.slice(1, 3).sort()).toEqual([
      "aws ecr get-login-password --region eu-west-1",
      "docker login --username AWS --password-stdin 123.dkr.ecr.eu-west-1.amazonaws.com",
    ]);
    expect(calls.slice(3)).toEqual([
      "docker build --platform linux/arm64 --file services/users/Dockerfile --tag 123.dkr.ecr.eu-west-1.amazonaws.com/shop-prod/users:abc123 .",
      "docker push 123.dkr.ecr.eu-west-1.amazonaws.com/shop-prod/users:abc123",
    ]);
  });

  it("builds with each named build context, and with none when BUILD_CONTEXTS is empty", () => {
    const build = (contexts: string) =>
      runScript("not-found", contexts).calls.find((c) => c.startsWith("docker build"));
    expect(build("service-platform=service-platform\nshared=lib/shared")).toBe(
      "docker build --platform linux/arm64 --build-context service-platform=service-platform --build-context shared=lib/shared --file services/users/Dockerfile --tag 123.dkr.ecr.eu-west-1.amazonaws.com/shop-prod/users:abc123 .",
    );
    expect(build("")).toBe(
      "docker build --platform linux/arm64 --file services/users/Dockerfile --tag 123.dkr.ecr.eu-west-1.amazonaws.com/shop-prod/users:abc123 .",
    );
  });

  it("builds nothing when the immutable tag is already pushed", () => {
    const { status, stdout, calls } = runScript("found");
    expect(status).toBe(0);
    expect(stdout).toContain("already in ECR; nothing to build");
    expect(calls.filter((c) => c.startsWith("docker"))).toEqual([]);
  });

  it("fails with ECR's message when the repository cannot be read", () => {
    const { status, stderr, calls } = runScript("denied");
    expect(status).toBe(1);
    expect(stderr).toContain("AccessDeniedException");
    expect(calls.filter((c) => c.startsWith("docker"))).toEqual([]);
  });
});

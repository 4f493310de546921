import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { dockerPlatform, type CpuArchitecture } from "../../lib/docker-platform";
import { SHARED_BUILD_CONTEXTS } from "../../lib/shared-build-contexts";
import { TerraformData } from "./terraform-data";

export interface ImageBuild {
  /** The service the image is for. */
  readonly name: string;
  /** The ECR repository to push to. */
  readonly repositoryUrl: string;
  /** The immutable tag: a content hash of the service, so it changes when and only when the service does. */
  readonly tag: string;
  /** The Docker build context, relative to `workingDirectory`. */
  readonly context: string;
  /** The Dockerfile, relative to `workingDirectory`. */
  readonly dockerfile: string;
  /** The task's CPU architecture, which the image is built for. */
  readonly cpuArchitecture: CpuArchitecture;
}

/** An image the module builds and pushes. */
export interface BuiltImage {
  readonly name: string;
  readonly repositoryUrl: string;
  readonly tag: string;
  /** The step that pushes it: whatever runs the image must wait for it. */
  readonly buildStep: ITerraformDependable;
}

export interface ImageBuildModuleProps {
  /** The region of the repositories (the ECR login is regional). */
  readonly region: string;
  /** The images to build and push, one per service. */
  readonly images: readonly ImageBuild[];
  /** The directory the build script, contexts and Dockerfiles are relative to, relative to the stack's directory. */
  readonly workingDirectory: string;
  /** The build-and-push script, relative to `workingDirectory`. @default "scripts/build-and-push-image.sh" */
  readonly script?: string;
  /**
   * Named build contexts every image is built with (`--build-context name=folder`), folders
   * relative to `workingDirectory`. @default SHARED_BUILD_CONTEXTS (lib/shared-build-contexts.ts)
   */
  readonly buildContexts?: Readonly<Record<string, string>>;
}

/**
 * Builds and pushes each service's image during `cdktf deploy`: a `terraform_data` per image whose
 * replacement trigger is the image reference, so it runs when the tag (the service's content hash)
 * changes and never otherwise, with a local-exec that logs in to ECR, skips tags already pushed,
 * builds for the task's CPU architecture and pushes. Needs docker and the AWS CLI where Terraform runs.
 */
export class ImageBuildModule extends Construct {
  /** Each image, in the order of the props. */
  public readonly images: readonly BuiltImage[];

  constructor(scope: Construct, id: string, props: ImageBuildModuleProps) {
    super(scope, id);
    // One "name=folder" a line: the script reads them back line by line.
    const buildContexts = Object.entries(props.buildContexts ?? SHARED_BUILD_CONTEXTS)
      .map(([name, folder]) => `${name}=${folder}`)
      .join("\n");
    this.images = props.images.map((image) => {
      const platform = dockerPlatform(image.cpuArchitecture);
      const reference = `${image.repositoryUrl}:${image.tag}`;
      const buildStep = new TerraformData(this, `build-and-push-${image.name}`, {
        triggersReplace: { image: reference, platform },
        provisioners: [
          {
            type: "local-exec",
            workingDir: props.workingDirectory,
            command: props.script ?? "scripts/build-and-push-image.sh",
            environment: {
              REPOSITORY_URL: image.repositoryUrl,
              IMAGE_TAG: image.tag,
              BUILD_CONTEXT: image.context,
              DOCKERFILE: image.dockerfile,
              BUILD_CONTEXTS: buildContexts,
              PLATFORM: platform,
              AWS_REGION: props.region,
            },
          },
        ],
      });
      return { name: image.name, repositoryUrl: image.repositoryUrl, tag: image.tag, buildStep };
    });
  }

  /** The image of that name, with its build step; throws for an image it was not given. */
  public image(name: string): BuiltImage {
    const found = this.images.find((i) => i.name === name);
    if (!found) throw new Error(`no image "${name}"; pass it in the image build module's images`);
    return found;
  }
}

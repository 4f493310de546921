import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { Construct } from "constructs";
import { suppress } from "../../policy";
import { ecrRepositoryName } from "../../lib/names/ecr";
import { lifecyclePolicy } from "./lifecycle-policy";

/** One repository the module made. */
export interface EcrRepositoryOutputs {
  /** The repository's name as given (the service's). */
  readonly name: string;
  /** e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-prod/users". */
  readonly url: string;
  readonly arn: string;
}

export interface EcrModuleProps {
  /** Namespace of the repositories: each is named "<namespace>/<repository>", e.g. "shop-prod/users". */
  readonly namespace: string;
  /** One private repository per name, typically one per service. */
  readonly repositories: readonly string[];
  /** How many of the most recent images each repository keeps. */
  readonly keepImages: number;
  /** Let `terraform destroy` delete repositories that still hold images (never in production). */
  readonly forceDelete: boolean;
  /** KMS key for image encryption. @default the AWS-managed ECR key */
  readonly kmsKeyArn?: string;
}

/**
 * Private ECR repositories: immutable tags, scan on push, KMS encryption, and a lifecycle policy
 * that keeps the newest images and expires untagged ones after a day.
 */
export class EcrModule extends Construct {
  /** Each repository, in the order of the props. */
  public readonly repositories: readonly EcrRepositoryOutputs[];

  constructor(scope: Construct, id: string, props: EcrModuleProps) {
    super(scope, id);
    this.repositories = props.repositories.map((repositoryName) => {
      const name = ecrRepositoryName(props.namespace, repositoryName);
      const repository = new EcrRepository(this, `repository-${repositoryName}`, {
        name,
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: [
          props.kmsKeyArn
            ? { encryptionType: "KMS", kmsKey: props.kmsKeyArn }
            : { encryptionType: "KMS" },
        ],
        forceDelete: props.forceDelete,
        tags: { Name: name },
      });
      if (!props.kmsKeyArn) {
        suppress(
          repository,
          "SEC-ECR-003",
          "ECR's AWS managed KMS key encrypts the images; a repository's encryption is fixed when it is created, so moving to a customer managed key would replace the repository and delete its images",
        );
      }
      new EcrLifecyclePolicy(this, `lifecycle-policy-${repositoryName}`, {
        repository: repository.name,
        policy: lifecyclePolicy(props.keepImages),
      });
      return { name: repositoryName, url: repository.repositoryUrl, arn: repository.arn };
    });
  }

  /** The repository of that name; throws for a name it was not given. */
  public repository(name: string): EcrRepositoryOutputs {
    const found = this.repositories.find((r) => r.name === name);
    if (!found)
      throw new Error(`no repository "${name}"; pass it in the ECR module's repositories`);
    return found;
  }
}

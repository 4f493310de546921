import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { Construct } from "constructs";
import { ecrRepositoryName } from "../../lib/names/ecr";
import { lifecyclePolicy } from "./lifecycle-policy";

export interface EcrModuleProps {
  /** Namespace of the repositories: each is named "<namespace>/<repository>", e.g. "shop-prod/users". */
  readonly namespace: string;
  /** One private repository per name, typically one per service. */
  readonly repositories: readonly string[];
  /** How many of the most recent images each repository keeps. @default 2 */
  readonly keepImages?: number;
  /** Let `terraform destroy` delete repositories that still hold images (never in production). @default false */
  readonly forceDelete?: boolean;
  /** KMS key for image encryption. @default the AWS-managed ECR key */
  readonly kmsKeyArn?: string;
}

/**
 * Private ECR repositories: immutable tags, scan on push, KMS encryption, and a lifecycle policy
 * that keeps the newest images and expires untagged ones after a day.
 */
export class EcrModule extends Construct {
  /** Repository URL per repository name, e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-prod/users". */
  public readonly repositoryUrls: Readonly<Record<string, string>>;
  /** Repository ARN per repository name. */
  public readonly repositoryArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: EcrModuleProps) {
    super(scope, id);
    const urls: Record<string, string> = {};
    const arns: Record<string, string> = {};
    for (const repositoryName of props.repositories) {
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
        forceDelete: props.forceDelete ?? false,
        tags: { Name: name },
      });
      new EcrLifecyclePolicy(this, `lifecycle-policy-${repositoryName}`, {
        repository: repository.name,
        policy: lifecyclePolicy(props.keepImages ?? 2),
      });
      urls[repositoryName] = repository.repositoryUrl;
      arns[repositoryName] = repository.arn;
    }
    this.repositoryUrls = urls;
    this.repositoryArns = arns;
  }
}

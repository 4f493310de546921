import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { assumeRoleStatement } from "../../constructs";
import { serviceRoleNames } from "../../lib/names/ecs";

export type PolicyStatement = DataAwsIamPolicyDocumentStatement;

export interface ServiceRolesProps {
  /** Prefix of the role names, e.g. "shop-prod-users". */
  readonly namePrefix: string;
  readonly region: string;
  /** When known, the trust policies accept ECS only on behalf of this account (confused-deputy guard). */
  readonly accountId?: string;
  /** The repository the task's image is pulled from. */
  readonly repositoryArn: string;
  /** The log group the task writes to. */
  readonly logGroupArn: string;
  /** Extra permissions of the execution role (the ECS agent), such as reading the task's secrets. */
  readonly executionStatements?: readonly PolicyStatement[];
  /** Permissions of the task role (the application's own AWS calls). */
  readonly taskStatements?: readonly PolicyStatement[];
}

/**
 * The two roles of one service's tasks, each scoped to that service: the execution role lets ECS
 * pull the service's image and write its logs (AmazonECSTaskExecutionRolePolicy's permissions,
 * narrowed to one repository and one log group); the task role carries what the application may do.
 */
export class ServiceRoles extends Construct {
  public readonly executionRole: IamRole;
  public readonly taskRole: IamRole;

  constructor(scope: Construct, id: string, props: ServiceRolesProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, "ecs-tasks-trust", {
      statement: [
        assumeRoleStatement({
          sid: "EcsTasksAssumeRole",
          service: "ecs-tasks.amazonaws.com",
          account: props.accountId,
          sourceArns: props.accountId
            ? [`arn:aws:ecs:${props.region}:${props.accountId}:*`]
            : undefined,
        }),
      ],
    });

    this.executionRole = new IamRole(this, "execution-role", {
      name: serviceRoleNames(props.namePrefix).execution,
      description: `ECS agent for ${props.namePrefix}: pulls its image, writes its logs`,
      assumeRolePolicy: trust.json,
    });
    const execution = new DataAwsIamPolicyDocument(this, "execution-policy-document", {
      statement: [
        {
          // ECR grants GetAuthorizationToken only on "*": the token is for the registry, not a repository.
          sid: "EcrAuthorizationToken",
          actions: ["ecr:GetAuthorizationToken"],
          resources: ["*"],
        },
        {
          sid: "PullServiceImage",
          actions: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage",
          ],
          resources: [props.repositoryArn],
        },
        {
          sid: "WriteServiceLogs",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${props.logGroupArn}:log-stream:*`],
        },
        ...(props.executionStatements ?? []),
      ],
    });
    new IamRolePolicy(this, "execution-policy", {
      name: "pull-image-write-logs",
      role: this.executionRole.id,
      policy: execution.json,
    });

    this.taskRole = new IamRole(this, "task-role", {
      name: serviceRoleNames(props.namePrefix).task,
      description: `Application role of ${props.namePrefix}`,
      assumeRolePolicy: trust.json,
    });
    if (props.taskStatements && props.taskStatements.length > 0) {
      const task = new DataAwsIamPolicyDocument(this, "task-policy-document", {
        statement: [...props.taskStatements],
      });
      new IamRolePolicy(this, "task-policy", {
        name: "application",
        role: this.taskRole.id,
        policy: task.json,
      });
    }
  }
}

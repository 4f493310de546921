import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { assumeRoleStatement } from "../../constructs";
import { vpcNames } from "../../lib/names/vpc";

export interface FlowLogsProps {
  /** Prefix of the names, e.g. "shop-prod". */
  readonly name: string;
  readonly vpcId: string;
  readonly region: string;
  /** When known, the role trusts the flow logs service only on behalf of this account. */
  readonly accountId?: string;
  /** Days CloudWatch keeps the flow logs. */
  readonly retentionDays: number;
  /** A KMS key to encrypt the log group with; CloudWatch Logs' own encryption without one. */
  readonly kmsKeyArn?: string;
}

/**
 * Flow logs of every packet the VPC accepts or rejects, in a CloudWatch log group of their own,
 * delivered by a role that may write to that log group and nothing else.
 */
export class FlowLogs extends Construct {
  public readonly logGroupName: string;
  public readonly logGroupArn: string;
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    const names = vpcNames(props.name);
    const logGroupName = names.flowLogGroup;
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags: { Name: logGroupName },
    });

    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        assumeRoleStatement({
          sid: "VpcFlowLogsAssumeRole",
          service: "vpc-flow-logs.amazonaws.com",
          account: props.accountId,
          sourceArns: props.accountId
            ? [`arn:aws:ec2:${props.region}:${props.accountId}:vpc-flow-log/*`]
            : undefined,
        }),
      ],
    });
    const role = new IamRole(this, "role", {
      name: names.flowLogRole,
      description: `Delivers the VPC flow logs of ${props.name} to ${logGroupName}`,
      assumeRolePolicy: trust.json,
    });
    const delivery = new DataAwsIamPolicyDocument(this, "delivery-policy-document", {
      statement: [
        {
          sid: "WriteFlowLogs",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [`${logGroup.arn}:*`],
        },
      ],
    });
    const policy = new IamRolePolicy(this, "delivery-policy", {
      name: "write-flow-logs",
      role: role.id,
      policy: delivery.json,
    });

    new FlowLog(this, "flow-log", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      tags: { Name: props.name },
      // Delivery checks its permissions at creation: the role's policy must exist by then.
      dependsOn: [policy],
    });

    this.logGroupName = logGroup.name;
    this.logGroupArn = logGroup.arn;
    this.roleArn = role.arn;
  }
}

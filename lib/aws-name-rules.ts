/** What AWS accepts as the name of each kind of resource this project names. */
export interface AwsNameRule {
  /** The resource, as a user knows it: "target group". */
  readonly resource: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly pattern: RegExp;
  /** The pattern in words, for error messages. */
  readonly allowed: string;
  /** Prefixes AWS refuses even though the pattern allows them. */
  readonly reservedPrefixes?: readonly string[];
}

const HYPHENATED = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const HYPHENATED_WORDS = "letters, digits and hyphens, not starting or ending with a hyphen";
const ECS_NAME = /^[A-Za-z0-9_-]+$/;
/** RDS identifiers: a letter first, then letters, digits and single hyphens, no hyphen last. */
const RDS_NAME = /^[A-Za-z](?:-?[A-Za-z0-9])*$/;
const RDS_WORDS = "a letter, then letters, digits and single hyphens, not ending with a hyphen";
const ECS_WORDS = "letters, digits, hyphens and underscores";

export const AWS_NAME_RULES = {
  loadBalancer: {
    resource: "load balancer",
    minLength: 1,
    maxLength: 32,
    pattern: HYPHENATED,
    allowed: HYPHENATED_WORDS,
    reservedPrefixes: ["internal-"],
  },
  targetGroup: {
    resource: "target group",
    minLength: 1,
    maxLength: 32,
    pattern: HYPHENATED,
    allowed: HYPHENATED_WORDS,
  },
  iamRole: {
    resource: "IAM role",
    minLength: 1,
    maxLength: 64,
    pattern: /^[A-Za-z0-9+=,.@_-]+$/,
    allowed: "letters, digits and + = , . @ _ -",
  },
  securityGroup: {
    resource: "security group",
    minLength: 1,
    maxLength: 255,
    pattern: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
    allowed: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
    reservedPrefixes: ["sg-"],
  },
  ecrRepository: {
    resource: "ECR repository",
    minLength: 2,
    maxLength: 256,
    pattern: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
    allowed:
      "lowercase letters and digits in words joined by single . _ or -, in /-separated parts",
  },
  logGroup: {
    resource: "CloudWatch log group",
    minLength: 1,
    maxLength: 512,
    pattern: /^[A-Za-z0-9_\-/.#]+$/,
    allowed: "letters, digits and _ - / . #",
  },
  ecsCluster: {
    resource: "ECS cluster",
    minLength: 1,
    maxLength: 255,
    pattern: ECS_NAME,
    allowed: ECS_WORDS,
  },
  ecsService: {
    resource: "ECS service",
    minLength: 1,
    maxLength: 255,
    pattern: ECS_NAME,
    allowed: ECS_WORDS,
  },
  taskFamily: {
    resource: "task definition family",
    minLength: 1,
    maxLength: 255,
    pattern: ECS_NAME,
    allowed: ECS_WORDS,
  },
  containerName: {
    resource: "container",
    minLength: 1,
    maxLength: 255,
    pattern: ECS_NAME,
    allowed: ECS_WORDS,
  },
  serviceConnectName: {
    resource: "Service Connect discovery name",
    minLength: 1,
    maxLength: 63,
    pattern: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    allowed:
      "a DNS label: lowercase letters, digits and hyphens, not starting or ending with a hyphen",
  },
  serviceConnectNamespace: {
    resource: "Service Connect namespace",
    minLength: 1,
    maxLength: 1024,
    pattern: /^[A-Za-z0-9._-]+$/,
    allowed: "letters, digits and . _ -",
  },
  dbInstance: {
    resource: "RDS instance identifier",
    minLength: 1,
    maxLength: 63,
    pattern: RDS_NAME,
    allowed: RDS_WORDS,
  },
  dbParameterGroup: {
    resource: "DB parameter group",
    minLength: 1,
    maxLength: 255,
    pattern: RDS_NAME,
    allowed: RDS_WORDS,
  },
  dbSubnetGroup: {
    resource: "DB subnet group",
    minLength: 1,
    maxLength: 255,
    pattern: /^[a-z0-9 ._-]+$/,
    allowed: "lowercase letters, digits, spaces and . _ -",
  },
  kmsAlias: {
    resource: "KMS alias",
    minLength: 7,
    maxLength: 256,
    pattern: /^alias\/[A-Za-z0-9/_-]+$/,
    allowed: '"alias/" and letters, digits and / _ -',
    reservedPrefixes: ["alias/aws/"],
  },
  snsTopic: {
    resource: "SNS topic",
    minLength: 1,
    maxLength: 256,
    pattern: /^[A-Za-z0-9_-]+$/,
    allowed: "letters, digits, hyphens and underscores",
  },
  cloudwatchDashboard: {
    resource: "CloudWatch dashboard",
    minLength: 1,
    maxLength: 255,
    pattern: /^[A-Za-z0-9_-]+$/,
    allowed: "letters, digits, hyphens and underscores",
  },
  dynamodbTable: {
    resource: "DynamoDB table",
    minLength: 3,
    maxLength: 255,
    pattern: /^[A-Za-z0-9_.-]+$/,
    allowed: "letters, digits and _ . -",
  },
  webAcl: {
    resource: "WAF web ACL",
    minLength: 1,
    maxLength: 128,
    pattern: /^[A-Za-z0-9_-]+$/,
    allowed: "letters, digits, hyphens and underscores",
  },
  s3BucketPrefix: {
    // S3 appends a 26-character unique suffix to a bucket prefix, within the 63 a name may have.
    resource: "S3 bucket name prefix",
    minLength: 3,
    maxLength: 37,
    pattern: /^[a-z0-9][a-z0-9.-]*$/,
    allowed: "lowercase letters, digits, dots and hyphens, starting with a letter or digit",
  },
} as const satisfies Record<string, AwsNameRule>;

export type AwsNameKind = keyof typeof AWS_NAME_RULES;

/** Why AWS would refuse this name for this kind of resource, or undefined when it accepts it. */
export function awsNameProblem(kind: AwsNameKind, name: string): string | undefined {
  const rule: AwsNameRule = AWS_NAME_RULES[kind];
  if (name.length > rule.maxLength) {
    return `is ${name.length} characters long, more than the ${rule.maxLength} AWS allows`;
  }
  if (name.length < rule.minLength) {
    return `is ${name.length} character${name.length === 1 ? "" : "s"} long, fewer than the ${rule.minLength} AWS requires`;
  }
  const prefix = rule.reservedPrefixes?.find((reserved) => name.startsWith(reserved));
  if (prefix) return `starts with ${JSON.stringify(prefix)}, which AWS reserves`;
  if (!rule.pattern.test(name)) return `is not made of ${rule.allowed}`;
  return undefined;
}

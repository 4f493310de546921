import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { DbInstanceConfig } from "@cdktf/provider-aws/lib/db-instance";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { Lb, type LbConfig } from "@cdktf/provider-aws/lib/lb";
import { LbListener, type LbListenerConfig } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import type { Construct } from "constructs";
import { deletionProtection } from "../../policy/rules/deletion-protection";
import { ecrCustomerKey } from "../../policy/rules/ecr-customer-key";
import {
  loadBalancerInternetFacing,
  loadBalancerListenerTls,
  loadBalancerTargetTls,
} from "../../policy/rules/load-balancer-tls";
import { logRetentionYear } from "../../policy/rules/log-retention-year";
import {
  rdsDefaultPort,
  rdsEnhancedMonitoring,
  rdsMultiAz,
} from "../../policy/rules/rds-resilience";
import { s3EventNotifications } from "../../policy/rules/s3-event-notifications";
import { s3Replication } from "../../policy/rules/s3-replication";
import { snsTopics } from "../../policy/rules/sns-topics";
import { bucket, database, policyDocument, rotatedKey } from "../support/policy-fixtures";
import { describePolicyRules } from "../support/policy-rule-cases";

/** A database every rule accepts, with the given settings changed. */
const encryptedDatabase = (scope: Construct, settings: Partial<DbInstanceConfig> = {}) =>
  database(scope, { storageEncrypted: true, kmsKeyId: rotatedKey(scope).arn, ...settings });

/** A load balancer every rule accepts, with the given settings changed. */
const loadBalancer = (scope: Construct, settings: Partial<LbConfig> = {}) =>
  new Lb(scope, "load-balancer", {
    loadBalancerType: "application",
    internal: true,
    enableDeletionProtection: true,
    subnets: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    ...settings,
  });

const listener = (scope: Construct, settings: Partial<LbListenerConfig>) =>
  new LbListener(scope, "listener", {
    loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1",
    port: 443,
    protocol: "HTTPS",
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    certificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/policy-test",
    defaultAction: [
      { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } },
    ],
    ...settings,
  });

const topic = (scope: Construct, settings: { encrypted: boolean; tlsOnly: boolean }) => {
  const created = new SnsTopic(scope, "topic", {
    name: "policy-test",
    kmsMasterKeyId: settings.encrypted ? rotatedKey(scope).arn : undefined,
  });
  new SnsTopicPolicy(scope, "topic-policy", {
    arn: created.arn,
    policy: policyDocument(scope, "topic-policy-document", [
      settings.tlsOnly
        ? {
            sid: "DenyInsecureTransport",
            effect: "Deny",
            principals: [{ type: "*", identifiers: ["*"] }],
            actions: ["sns:Publish"],
            resources: [created.arn],
            condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
          }
        : {
            sid: "AccountPublishes",
            principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
            actions: ["sns:Publish"],
            resources: [created.arn],
          },
    ]).json,
  });
  return created;
};

describePolicyRules("the public rule sets' remaining checks", [
  {
    title: "a bucket kept in one region",
    rule: s3Replication,
    violating: (stack) => bucket(stack, { replication: false }),
    compliant: (stack) => bucket(stack),
    findings: [["bucket", "has no cross-region replication"]],
  },
  {
    title: "a bucket that notifies nobody",
    rule: s3EventNotifications,
    violating: (stack) => bucket(stack, { notifications: false }),
    compliant: (stack) => bucket(stack),
    findings: [["bucket", "has no event notifications"]],
  },
  {
    title: "a log group kept two weeks",
    rule: logRetentionYear,
    violating: (stack) =>
      new CloudwatchLogGroup(stack, "logs", {
        retentionInDays: 14,
        kmsKeyId: rotatedKey(stack).arn,
      }),
    compliant: (stack) =>
      new CloudwatchLogGroup(stack, "logs", {
        retentionInDays: 365,
        kmsKeyId: rotatedKey(stack).arn,
      }),
    findings: [["logs", "keeps events 14 days, less than a year"]],
  },
  {
    title: "a database and a load balancer anyone may delete",
    rule: deletionProtection,
    violating: (stack) => {
      loadBalancer(stack, { enableDeletionProtection: false });
      encryptedDatabase(stack, { deletionProtection: false });
      return stack;
    },
    compliant: (stack) => {
      loadBalancer(stack);
      encryptedDatabase(stack);
    },
    findings: [
      ["load-balancer", "enable_deletion_protection is not true"],
      ["database", "deletion_protection is not true"],
    ],
  },
  {
    title: "a database in one AZ",
    rule: rdsMultiAz,
    violating: (stack) => encryptedDatabase(stack, { multiAz: false }),
    compliant: (stack) => encryptedDatabase(stack),
    findings: [["database", "multi_az is not true"]],
  },
  {
    title: "a database without Enhanced Monitoring",
    rule: rdsEnhancedMonitoring,
    violating: (stack) =>
      encryptedDatabase(stack, { monitoringInterval: undefined, monitoringRoleArn: undefined }),
    compliant: (stack) => encryptedDatabase(stack),
    findings: [["database", "monitoring_interval is not set"]],
  },
  {
    title: "a database on its engine's default port",
    rule: rdsDefaultPort,
    violating: (stack) => encryptedDatabase(stack, { port: undefined }),
    compliant: (stack) => encryptedDatabase(stack),
    findings: [["database", "listens on 5432, the postgres default"]],
  },
  {
    title: "a listener serving plain HTTP",
    rule: loadBalancerListenerTls,
    violating: (stack) =>
      listener(stack, {
        port: 80,
        protocol: "HTTP",
        sslPolicy: undefined,
        certificateArn: undefined,
      }),
    compliant: (stack) =>
      listener(stack, {
        port: 80,
        protocol: "HTTP",
        sslPolicy: undefined,
        certificateArn: undefined,
        defaultAction: [
          {
            type: "redirect",
            redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" },
          },
        ],
      }),
    findings: [["listener", "serves plain HTTP on port 80"]],
  },
  {
    title: "an HTTPS listener accepting TLS 1.0",
    rule: loadBalancerListenerTls,
    violating: (stack) => listener(stack, { sslPolicy: "ELBSecurityPolicy-2016-08" }),
    compliant: (stack) => listener(stack, {}),
    findings: [["listener", "accepts TLS older than 1.2 (ssl_policy ELBSecurityPolicy-2016-08)"]],
  },
  {
    title: "an internet-facing load balancer",
    rule: loadBalancerInternetFacing,
    violating: (stack) => loadBalancer(stack, { internal: false }),
    compliant: (stack) => loadBalancer(stack),
    findings: [["load-balancer", "faces the internet (internal is not true)"]],
  },
  {
    title: "a target group over plain HTTP",
    rule: loadBalancerTargetTls,
    violating: (stack) =>
      new LbTargetGroup(stack, "targets", { port: 8000, protocol: "HTTP", targetType: "ip" }),
    compliant: (stack) =>
      new LbTargetGroup(stack, "targets", { port: 8443, protocol: "HTTPS", targetType: "ip" }),
    findings: [["targets", "forwards to its targets over plain HTTP"]],
  },
  {
    title: "a repository encrypted with ECR's AWS managed key",
    rule: ecrCustomerKey,
    violating: (stack) =>
      new EcrRepository(stack, "repository", {
        name: "policy/test",
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: "IMMUTABLE",
        encryptionConfiguration: [{ encryptionType: "KMS" }],
      }),
    compliant: (stack) =>
      new EcrRepository(stack, "repository", {
        name: "policy/test",
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: "IMMUTABLE",
        encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: rotatedKey(stack).arn }],
      }),
    findings: [["repository", "encrypts images with ECR's AWS managed key"]],
  },
  {
    title: "an unencrypted topic that accepts plain HTTP",
    rule: snsTopics,
    violating: (stack) => topic(stack, { encrypted: false, tlsOnly: false }),
    compliant: (stack) => topic(stack, { encrypted: true, tlsOnly: true }),
    findings: [
      ["topic", "is not encrypted with a customer managed key"],
      ["topic", "its policy does not deny publications over plain HTTP"],
    ],
  },
]);

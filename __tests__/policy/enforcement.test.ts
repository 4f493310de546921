import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { App, Testing } from "cdktf";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  collectViolationsAcrossStacks,
  markListenerIngress,
  PolicyViolationError,
} from "../../policy";
import { rotatedKey } from "../support/policy-fixtures";
import { fullSynth, policyStack, violationLines } from "../support/policy-stack";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";

describe("the security policy at synthesis", () => {
  it("reports a violation as <stack>/<path>: <rule id> <title>: <what is wrong>; fix: <how>", () => {
    expect(
      violationLines(
        (stack) =>
          new CloudwatchLogGroup(stack, "logs", { name: "/logs", kmsKeyId: rotatedKey(stack).arn }),
      ),
    ).toEqual([
      "test/logs: SEC-LOG-001 Log group without retention: retention_in_days is not set, so events are kept forever; fix: set retention_in_days to the environment's logRetentionDays",
    ]);
  });

  it("reads what synthesis writes: an escape-hatch override cannot slip past it", () => {
    expect(
      violationLines((stack) => {
        const logs = new CloudwatchLogGroup(stack, "logs", {
          name: "/logs",
          retentionInDays: 365,
          kmsKeyId: rotatedKey(stack).arn,
        });
        logs.addOverride("retention_in_days", 0);
        logs.addOverride("kms_key_id", null);
      }).map((line) => line.split(":")[1].trim()),
    ).toEqual([
      "SEC-LOG-001 Log group without retention",
      "SEC-LOG-002 Log group not encrypted with KMS",
    ]);
  });

  it("fails each stack on its own when the app does not collect", () => {
    const stack = policyStack();
    new CloudwatchLogGroup(stack, "logs", { name: "/logs" });
    expect(() => Testing.synth(stack, true)).toThrow(PolicyViolationError);
  });

  it("checks every stack of an app, then fails once with all their violations, before writing the manifest", () => {
    const outdir = mkdtempSync(join(tmpdir(), "policy-app-"));
    const app = new App({ outdir, stackTraces: false });
    collectViolationsAcrossStacks(app);
    for (const name of ["one", "two"]) {
      const stack = policyStack(app, name);
      new CloudwatchLogGroup(stack, "logs", { name: `/${name}`, retentionInDays: 365 });
    }
    let error: unknown;
    try {
      app.synth();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect((error as PolicyViolationError).violations.map((v) => `${v.path} ${v.ruleId}`)).toEqual([
      "one/logs SEC-LOG-002",
      "two/logs SEC-LOG-002",
    ]);
    expect(readdirSync(outdir)).not.toContain("manifest.json");
  });

  it("writes a listener mark into the ingress rule's // comment", () => {
    const json = fullSynth((stack) => {
      const rule = new VpcSecurityGroupIngressRule(stack, "listener", {
        securityGroupId: "sg-0123456789abcdef0",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "0.0.0.0/0",
      });
      markListenerIngress(rule, 443);
    });
    const [rule] = Object.values(json.resource!.aws_vpc_security_group_ingress_rule);
    expect((rule["//"] as any).security_policy).toEqual({ listener_port: 443 });
  });
});

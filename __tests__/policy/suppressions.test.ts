import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { collectViolationsAcrossStacks, suppress, type RuleId } from "../../policy";
import { policyDocument, rotatedKey } from "../support/policy-fixtures";
import { fullSynth, policyStack, violationsOf } from "../support/policy-stack";

const REASON = "kept forever on purpose: an audit trail the regulator asks for";

const foreverLogs = (scope: Construct, id = "logs") =>
  new CloudwatchLogGroup(scope, id, {
    name: `/${id}`,
    kmsKeyId: rotatedKey(scope, `${id}-key`).arn,
  });

describe("suppressions", () => {
  it("refuses a rule id the policy does not have", () => {
    const stack = policyStack();
    expect(() => suppress(stack, "SEC-LOG-999" as RuleId, REASON)).toThrow(
      'test: cannot suppress unknown rule "SEC-LOG-999"; expected one of SEC-NET-001, SEC-NET-002,',
    );
  });

  it.each(["", "   ", "legacy"])("refuses the reason %j: a reason must say why", (reason) => {
    const stack = policyStack();
    expect(() => suppress(stack, "SEC-LOG-001", reason)).toThrow(
      `test: the suppression of SEC-LOG-001 needs a reason of at least 20 characters saying why the exception is safe; got ${JSON.stringify(reason)}`,
    );
  });

  it("covers the construct it is declared on and everything below it", () => {
    expect(
      violationsOf((stack) => {
        const audit = new Construct(stack, "audit");
        foreverLogs(audit, "trail");
        foreverLogs(audit, "access");
        suppress(audit, "SEC-LOG-001", REASON);
      }),
    ).toEqual([]);
  });

  it("covers only the rule it names", () => {
    const violations = violationsOf((stack) => {
      const logs = new CloudwatchLogGroup(stack, "logs", { name: "/logs" });
      suppress(logs, "SEC-LOG-001", REASON);
    });
    expect(violations.map((v) => v.ruleId)).toEqual(["SEC-LOG-002"]);
  });

  it("covers only the subjects it names, when it names some", () => {
    const violations = violationsOf((stack) => {
      const document = policyDocument(stack, "document", [
        { sid: "Reviewed", actions: ["s3:Get*"], resources: ["arn:aws:s3:::bucket/*"] },
        { sid: "NotReviewed", actions: ["s3:Put*"], resources: ["arn:aws:s3:::bucket/*"] },
      ]);
      suppress(document, "SEC-IAM-001", REASON, { subjects: ["Reviewed"] });
    });
    expect(violations.map((v) => v.problem)).toEqual(['statement "NotReviewed" allows s3:Put*']);
  });

  it("is written next to what it covers, in the resource's and the stack's // comments", () => {
    const json = fullSynth((stack) => suppress(foreverLogs(stack), "SEC-LOG-001", REASON));
    const accepted = {
      rule: "SEC-LOG-001",
      reason: REASON,
      accepted: ["retention_in_days is not set, so events are kept forever"],
    };
    const [logGroup] = Object.values(json.resource!.aws_cloudwatch_log_group);
    expect((logGroup["//"] as any).security_policy).toEqual({ suppressed: [accepted] });
    expect(json["//"]!.security_policy).toEqual({
      suppressed: [{ path: "test/logs", ...accepted }],
    });
  });

  it("that covers nothing is reported as a warning", () => {
    const app = Testing.app();
    const collector = collectViolationsAcrossStacks(app);
    const stack = policyStack(app);
    const logs = new CloudwatchLogGroup(stack, "logs", {
      name: "/logs",
      retentionInDays: 365,
      kmsKeyId: rotatedKey(stack).arn,
    });
    suppress(logs, "SEC-LOG-001", REASON);
    Testing.synth(stack, true);
    expect(collector.violations).toEqual([]);
    expect(collector.warnings).toEqual([
      "test/logs: suppression of SEC-LOG-001 covers no finding; remove it",
    ]);
  });
});

import { parseArn } from "../../lib/arn";

describe("parseArn", () => {
  it("splits an ARN into partition, service, region, account and resource", () => {
    expect(
      parseArn("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::"),
    ).toEqual({
      partition: "aws",
      service: "secretsmanager",
      region: "us-east-1",
      account: "123456789012",
      resource: "secret:db-AbCdEf:password::",
    });
    expect(parseArn("arn:aws-cn:ssm:cn-north-1:123456789012:parameter/a/b")?.service).toBe("ssm");
  });

  it("returns undefined for anything else", () => {
    expect(parseArn("secret:db")).toBeUndefined();
    expect(parseArn("arn:aws:s3")).toBeUndefined();
  });
});

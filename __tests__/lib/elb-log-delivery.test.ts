import { elbLogDeliverer } from "../../lib/elb-log-delivery";

describe("elbLogDeliverer", () => {
  it.each(["us-east-1", "eu-west-1", "ap-southeast-3", "us-gov-west-1", "cn-north-1"])(
    "lets the regional ELB account deliver in %s, opened before August 2022",
    (region) => {
      expect(elbLogDeliverer(region)).toEqual({ kind: "regional-account" });
    },
  );

  it.each(["me-central-1", "ap-south-2", "eu-central-2", "il-central-1", "ca-west-1"])(
    "lets the log delivery service principal deliver in %s, opened since",
    (region) => {
      expect(elbLogDeliverer(region)).toEqual({
        kind: "service-principal",
        service: "logdelivery.elasticloadbalancing.amazonaws.com",
      });
    },
  );
});

import { constructOriginOf } from "../../../lib/plan-analysis/construct-paths";

const CONFIG = {
  resource: {
    aws_subnet: {
      "vpc_public-subnet-0_1C2D3E4F": {
        "//": { metadata: { path: "dev/vpc/public-subnet-0", uniqueId: "x" } },
      },
    },
  },
  data: {
    aws_iam_policy_document: {
      ecs_trust_0A0B0C0D: { "//": { metadata: { path: "dev/ecs/trust", uniqueId: "y" } } },
    },
  },
  module: { network: { "//": { metadata: { path: "dev/network", uniqueId: "z" } } } },
};

describe("constructOriginOf", () => {
  it("reads the construct path cdktf recorded for a resource", () => {
    expect(
      constructOriginOf(CONFIG, {
        mode: "managed",
        type: "aws_subnet",
        name: "vpc_public-subnet-0_1C2D3E4F",
      }),
    ).toEqual({ constructPath: "dev/vpc/public-subnet-0", segments: ["vpc", "public-subnet-0"] });
  });

  it("looks data sources up among the data blocks", () => {
    expect(
      constructOriginOf(CONFIG, {
        mode: "data",
        type: "aws_iam_policy_document",
        name: "ecs_trust_0A0B0C0D",
      }).constructPath,
    ).toBe("dev/ecs/trust");
  });

  it("gives a resource of a Terraform module call the call's path", () => {
    expect(
      constructOriginOf(CONFIG, {
        module_address: "module.network.module.subnets",
        mode: "managed",
        type: "aws_subnet",
        name: "this",
      }),
    ).toEqual({ constructPath: "dev/network", segments: ["network"] });
  });

  it("traces a resource no longer configured through its cdktf name", () => {
    expect(
      constructOriginOf(CONFIG, {
        mode: "managed",
        type: "aws_dynamodb_table",
        name: "dynamodb-orders_table_9F8E7D6C",
      }),
    ).toEqual({ segments: ["dynamodb-orders", "table"] });
  });

  it("takes a name without cdktf's hash as one construct right below the stack", () => {
    expect(
      constructOriginOf(CONFIG, { mode: "managed", type: "aws_s3_bucket", name: "logs" }),
    ).toEqual({ segments: ["logs"] });
  });
});

import { awsNameProblem } from "../../lib/aws-name-rules";

describe("awsNameProblem", () => {
  it.each([
    ["targetGroup", "shop-prod-users"],
    ["iamRole", "shop-prod-users-exec"],
    ["ecrRepository", "shop-prod/users"],
    ["logGroup", "/ecs/shop-prod/users"],
    ["serviceConnectName", "users"],
    ["securityGroup", "shop-prod-alb"],
    ["dbInstance", "shop-prod-users"],
    ["kmsAlias", "alias/shop-prod-users-postgres"],
    ["dynamodbTable", "shop-prod-products"],
  ] as const)("accepts the %s name %j", (kind, name) =>
    expect(awsNameProblem(kind, name)).toBeUndefined(),
  );

  it.each([
    ["targetGroup", "a".repeat(33), "is 33 characters long, more than the 32 AWS allows"],
    ["iamRole", "r".repeat(65), "is 65 characters long, more than the 64 AWS allows"],
    [
      "targetGroup",
      "shop-prod-",
      "is not made of letters, digits and hyphens, not starting or ending with a hyphen",
    ],
    ["loadBalancer", "internal-dev", 'starts with "internal-", which AWS reserves'],
    ["securityGroup", "sg-dev-alb", 'starts with "sg-", which AWS reserves'],
    [
      "ecrRepository",
      "shop-prod/Users",
      "is not made of lowercase letters and digits in words joined by single . _ or -, in /-separated parts",
    ],
    [
      "ecrRepository",
      "shop--prod/users",
      "is not made of lowercase letters and digits in words joined by single . _ or -, in /-separated parts",
    ],
    ["logGroup", "/ecs/shop prod", "is not made of letters, digits and _ - / . #"],
    [
      "serviceConnectName",
      "Users",
      "is not made of a DNS label: lowercase letters, digits and hyphens, not starting or ending with a hyphen",
    ],
    ["serviceConnectName", "u".repeat(64), "is 64 characters long, more than the 63 AWS allows"],
    ["ecrRepository", "a", "is 1 character long, fewer than the 2 AWS requires"],
    [
      "dbInstance",
      "1shop-prod-users",
      "is not made of a letter, then letters, digits and single hyphens, not ending with a hyphen",
    ],
    [
      "dbInstance",
      "shop--prod-users",
      "is not made of a letter, then letters, digits and single hyphens, not ending with a hyphen",
    ],
    [
      "dbParameterGroup",
      "shop-prod-users-",
      "is not made of a letter, then letters, digits and single hyphens, not ending with a hyphen",
    ],
    [
      "dbSubnetGroup",
      "Shop-prod-users",
      "is not made of lowercase letters, digits, spaces and . _ -",
    ],
    ["kmsAlias", "alias/aws/shop", 'starts with "alias/aws/", which AWS reserves'],
    ["kmsAlias", "shop-prod-users", 'is not made of "alias/" and letters, digits and / _ -'],
    ["dynamodbTable", "ab", "is 2 characters long, fewer than the 3 AWS requires"],
  ] as const)("refuses the %s name %j: %s", (kind, name, why) =>
    expect(awsNameProblem(kind, name)).toBe(why),
  );
});

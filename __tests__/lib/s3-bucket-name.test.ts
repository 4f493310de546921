import { bucketNameProblem } from "../../lib/s3-bucket-name";

describe("bucketNameProblem", () => {
  it.each(["shop-terraform-state", "shop.state.2024", "abc"])("accepts %j", (name) =>
    expect(bucketNameProblem(name)).toBeUndefined(),
  );

  it.each([
    ["shop..state", "has two adjacent dots"],
    ["shop.-state", "has a dot next to a hyphen"],
    ["10.0.0.1", "is formatted as an IP address"],
    ["xn--state", 'starts with the reserved prefix "xn--"'],
    ["sthree-state", 'starts with the reserved prefix "sthree-"'],
    ["state-s3alias", 'ends with the reserved suffix "-s3alias"'],
    ["state--ol-s3", 'ends with the reserved suffix "--ol-s3"'],
  ])("refuses %j: %s", (name, why) => expect(bucketNameProblem(name)).toBe(why));
});

import { dynamoDbLockId, s3Backend, stateStores } from "../../../lib/offline-plan/s3-backend";

const prod = {
  terraform: {
    backend: {
      s3: {
        bucket: "shop-terraform-state",
        key: "shop/prod/terraform.tfstate",
        region: "us-east-1",
        dynamodb_table: "shop-terraform-locks",
      },
    },
  },
};
const dev = {
  terraform: {
    backend: {
      s3: {
        bucket: "shop-terraform-state",
        key: "shop/dev/terraform.tfstate",
        region: "us-east-1",
        use_lockfile: true,
      },
    },
  },
};

describe("s3Backend", () => {
  it("reads bucket, key, region and the kind of lock", () => {
    expect(s3Backend("prod", prod)).toMatchObject({
      bucket: "shop-terraform-state",
      key: "shop/prod/terraform.tfstate",
      dynamodbTable: "shop-terraform-locks",
      useLockfile: false,
    });
    expect(s3Backend("dev", dev)).toMatchObject({ dynamodbTable: undefined, useLockfile: true });
  });

  it("finds no backend in a stack with local state", () => {
    expect(s3Backend("x", {})).toBeUndefined();
    expect(s3Backend("x", { terraform: { backend: { local: { path: "x.tfstate" } } } })).toBe(
      undefined,
    );
  });

  it("refuses a backend it cannot stand in for, naming the stack", () => {
    expect(() => s3Backend("x", { terraform: { backend: { gcs: { bucket: "b" } } } })).toThrow(
      'Stack "x": backend "gcs" cannot be planned offline; only "s3" can.',
    );
  });

  it("names the missing setting and where to set it", () => {
    expect(() => s3Backend("x", { terraform: { backend: { s3: { key: "k" } } } })).toThrow(
      'Stack "x": its S3 backend has no "bucket"; set state.bucket in its environment file.',
    );
  });
});

describe("stateStores", () => {
  it("lists each bucket and lock table once", () => {
    expect(stateStores([s3Backend("prod", prod), s3Backend("dev", dev), undefined])).toEqual({
      buckets: ["shop-terraform-state"],
      lockTables: ["shop-terraform-locks"],
    });
  });
});

describe("dynamoDbLockId", () => {
  it("is bucket/key, the item Terraform writes while it holds the lock", () => {
    const backend = s3Backend("prod", prod);
    expect(backend && dynamoDbLockId(backend)).toBe(
      "shop-terraform-state/shop/prod/terraform.tfstate",
    );
  });
});

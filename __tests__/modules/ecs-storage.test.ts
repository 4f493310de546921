import { EcsModule, type EcsModuleProps, type EcsServiceDefinition } from "../../modules/ecs";
import { synthScope, type Synthesized } from "../support/synth";

const MEDIA: EcsServiceDefinition = {
  name: "media",
  port: 8000,
  cpu: 256,
  memory: 512,
  cpuArchitecture: "X86_64",
  desiredCount: 1,
  healthCheck: { path: "/health", gracePeriodSeconds: 60 },
  environment: {},
  calls: [],
};
const BUCKET = {
  bucketName: "shop-prod-static-abc",
  bucketArn: "arn:aws:s3:::shop-prod-static-abc",
  kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/static",
};

function synthEcs(service: EcsServiceDefinition, props: Partial<EcsModuleProps>): Synthesized {
  return synthScope((scope) => {
    new EcsModule(scope, "ecs", {
      name: "shop-prod",
      region: "us-east-1",
      vpcId: "vpc-1",
      subnetIds: ["subnet-a"],
      albSecurityGroupId: "sg-alb",
      services: [service],
      targetGroupArns: {},
      routingDependencies: {},
      repositoryUrls: { media: "repo/media" },
      repositoryArns: { media: "arn:repo/media" },
      imageTags: { media: "aaaa" },
      ...props,
    });
  });
}

const taskStatements = (synth: Synthesized) =>
  Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
    id.includes("task-policy-document"),
  )![1].statement as Record<string, any>[];

describe("EcsModule storage wiring", () => {
  it("lets a reading service list and get objects and decrypt through S3, nothing more", () => {
    const synth = synthEcs({ ...MEDIA, staticObjects: "read" }, { staticObjects: BUCKET });
    expect(taskStatements(synth).map((s) => [s.sid, s.actions])).toEqual([
      ["ListStaticObjects", ["s3:ListBucket"]],
      ["ReadStaticObjects", ["s3:GetObject"]],
      ["UseStaticObjectsKeyThroughS3", ["kms:Decrypt"]],
    ]);
  });

  it("refuses a service that uses static objects when no bucket is given", () => {
    expect(() => synthEcs({ ...MEDIA, staticObjects: "read-write" }, {})).toThrow(
      'service "media" uses staticObjects, but no bucket was given; pass the staticObjects bucket',
    );
  });

  it("refuses a service that mounts shared storage without a file system, or without its access point", () => {
    const sharing = { ...MEDIA, sharedStorage: { path: "/data" } };
    expect(() => synthEcs(sharing, {})).toThrow(
      'service "media" uses sharedStorage, but no file system was given; pass sharedStorage',
    );
    expect(() =>
      synthEcs(sharing, {
        sharedStorage: {
          fileSystemId: "fs-1",
          fileSystemArn: "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1",
          securityGroupId: "sg-efs",
          accessPoints: {},
        },
      }),
    ).toThrow(
      'sharedStorage has no access point for service "media"; create one for every service that mounts it',
    );
  });
});

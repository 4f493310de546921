import type { EcsServiceDefinition } from "../../modules/ecs";
import { containersOf, ecsService, synthEcsModule, USERS } from "../support/ecs-fixture";
import type { Synthesized } from "../support/synth";

const MEDIA: EcsServiceDefinition = { ...USERS, name: "media", desiredCount: 1, environment: {} };
const BUCKET = {
  bucketName: "shop-prod-static-abc",
  bucketArn: "arn:aws:s3:::shop-prod-static-abc",
  kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/static",
};
const FILE_SYSTEM = {
  fileSystemId: "fs-1",
  fileSystemArn: "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1",
  securityGroupId: "sg-efs",
};
const ACCESS_POINT = {
  id: "fsap-1",
  arn: "arn:aws:elasticfilesystem:us-east-1:111122223333:access-point/fsap-1",
};

const taskStatements = (synth: Synthesized) =>
  Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
    id.includes("task-policy-document"),
  )![1].statement as Record<string, any>[];

describe("EcsModule storage wiring", () => {
  it("lets a reading service list and get objects and decrypt through S3, nothing more", () => {
    const synth = synthEcsModule({
      services: [ecsService(MEDIA, { staticObjects: { bucket: BUCKET, access: "read" } })],
    });
    expect(taskStatements(synth).map((s) => [s.sid, s.actions])).toEqual([
      ["ListStaticObjects", ["s3:ListBucket"]],
      ["ReadStaticObjects", ["s3:GetObject"]],
      ["UseStaticObjectsKeyThroughS3", ["kms:Decrypt"]],
    ]);
    expect(containersOf(synth.resource("aws_ecs_task_definition"))[0].environment).toContainEqual({
      name: "STATIC_BUCKET",
      value: BUCKET.bucketName,
    });
  });

  it("mounts a service's directory of the shared file system through its own access point, over TLS", () => {
    const sharedStorage = {
      fileSystem: FILE_SYSTEM,
      accessPoint: ACCESS_POINT,
      mountPath: "/data",
    };
    const synth = synthEcsModule({ services: [ecsService(MEDIA, { sharedStorage })] });
    const taskDefinition = synth.resource("aws_ecs_task_definition");
    expect(taskDefinition.volume).toContainEqual({
      name: "shared",
      efs_volume_configuration: {
        file_system_id: "fs-1",
        transit_encryption: "ENABLED",
        authorization_config: { access_point_id: "fsap-1", iam: "ENABLED" },
      },
    });
    expect(containersOf(taskDefinition)[0].mountPoints).toContainEqual({
      sourceVolume: "shared",
      containerPath: "/data",
      readOnly: false,
    });
    expect(taskStatements(synth)).toContainEqual(
      expect.objectContaining({
        sid: "MountSharedStorage",
        condition: [
          {
            test: "StringEquals",
            variable: "elasticfilesystem:AccessPointArn",
            values: [ACCESS_POINT.arn],
          },
        ],
      }),
    );
    const nfs = Object.values(synth.resources("aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.security_group_id === "sg-efs",
    );
    expect(nfs.map((r) => [r.from_port, r.to_port])).toEqual([[2049, 2049]]);
  });
});

import type { StaticObjectAccess } from "../../lib/static-object-access";
import type { DatastoreWiring } from "./datastore-access";
import type { PolicyStatement } from "./service-roles";

/** The environment's static objects bucket, as services that declare `staticObjects` use it. */
export interface StaticObjectsBucket {
  readonly bucketName: string;
  readonly bucketArn: string;
  /** The key that encrypts its objects. */
  readonly kmsKeyArn: string;
}

/** A service's use of the static objects bucket. */
export interface ServiceStaticObjects {
  readonly bucket: StaticObjectsBucket;
  readonly access: StaticObjectAccess;
}

/** The shared file system, as services that declare `sharedStorage` mount it. */
export interface SharedFileSystem {
  readonly fileSystemId: string;
  readonly fileSystemArn: string;
  /** The mount targets' security group: it admits each mounting service on 2049. */
  readonly securityGroupId: string;
}

/** A service's directory of the shared file system: its access point, mounted at a path. */
export interface ServiceSharedStorage {
  readonly fileSystem: SharedFileSystem;
  readonly accessPoint: { readonly id: string; readonly arn: string };
  /** Where the container mounts it. */
  readonly mountPath: string;
}

/** The task volume of the shared file system. */
export const SHARED_VOLUME = "shared";

const viaS3 = (region: string) => ({
  test: "StringEquals",
  variable: "kms:ViaService",
  values: [`s3.${region}.amazonaws.com`],
});

/**
 * The bucket's name as STATIC_BUCKET, and the task role's permission to list the bucket and get
 * its objects (and put and delete them for read-write), with the key usable through S3 only.
 */
export function staticObjectsWiring(
  { bucket, access }: ServiceStaticObjects,
  region: string,
): DatastoreWiring {
  const writes = access === "read-write";
  const taskStatements: PolicyStatement[] = [
    { sid: "ListStaticObjects", actions: ["s3:ListBucket"], resources: [bucket.bucketArn] },
    {
      sid: writes ? "ReadWriteStaticObjects" : "ReadStaticObjects",
      actions: ["s3:GetObject", ...(writes ? ["s3:PutObject", "s3:DeleteObject"] : [])],
      resources: [`${bucket.bucketArn}/*`],
    },
    {
      sid: "UseStaticObjectsKeyThroughS3",
      actions: ["kms:Decrypt", ...(writes ? ["kms:GenerateDataKey"] : [])],
      resources: [bucket.kmsKeyArn],
      condition: [viaS3(region)],
    },
  ];
  return {
    environment: { STATIC_BUCKET: bucket.bucketName },
    secrets: {},
    executionStatements: [],
    taskStatements,
  };
}

/**
 * The task role's permission to mount and write the shared file system through the service's
 * own access point only (never as root); the volume is mounted with TLS and IAM authorization.
 */
export function sharedStorageWiring({ fileSystem, accessPoint }: ServiceSharedStorage) {
  const wiring: DatastoreWiring = {
    environment: {},
    secrets: {},
    executionStatements: [],
    taskStatements: [
      {
        sid: "MountSharedStorage",
        actions: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        resources: [fileSystem.fileSystemArn],
        condition: [
          {
            test: "StringEquals",
            variable: "elasticfilesystem:AccessPointArn",
            values: [accessPoint.arn],
          },
        ],
      },
    ],
  };
  const volume = {
    name: SHARED_VOLUME,
    efsVolumeConfiguration: {
      fileSystemId: fileSystem.fileSystemId,
      transitEncryption: "ENABLED",
      authorizationConfig: { accessPointId: accessPoint.id, iam: "ENABLED" },
    },
  };
  return { wiring, volume };
}

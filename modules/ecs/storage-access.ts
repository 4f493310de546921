import type { DatastoreWiring } from "./datastore-access";
import type { PolicyStatement } from "./service-roles";

/** The environment's static objects bucket, as services that declare `staticObjects` use it. */
export interface StaticObjectsBucket {
  readonly bucketName: string;
  readonly bucketArn: string;
  /** The key that encrypts its objects. */
  readonly kmsKeyArn: string;
}

/** What a service may do with the static objects: read them, or read, write and delete them. */
export type StaticObjectsAccess = "read" | "read-write";

/** The shared file system, as services that declare `sharedStorage` mount it. */
export interface SharedFileSystem {
  readonly fileSystemId: string;
  readonly fileSystemArn: string;
  /** The mount targets' security group: it admits each mounting service on 2049. */
  readonly securityGroupId: string;
  /** Access point per service name. */
  readonly accessPoints: Readonly<Record<string, { readonly id: string; readonly arn: string }>>;
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
  bucket: StaticObjectsBucket,
  access: StaticObjectsAccess,
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
export function sharedStorageWiring(fileSystem: SharedFileSystem, service: string) {
  const accessPoint = fileSystem.accessPoints[service];
  if (!accessPoint) {
    throw new Error(
      `sharedStorage has no access point for service "${service}"; create one for every service that mounts it`,
    );
  }
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

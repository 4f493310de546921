import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { EfsAccessPoint } from "@cdktf/provider-aws/lib/efs-access-point";
import { EfsBackupPolicy } from "@cdktf/provider-aws/lib/efs-backup-policy";
import { EfsFileSystem } from "@cdktf/provider-aws/lib/efs-file-system";
import { EfsFileSystemPolicy } from "@cdktf/provider-aws/lib/efs-file-system-policy";
import { EfsMountTarget } from "@cdktf/provider-aws/lib/efs-mount-target";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import { ManagedKey } from "../../constructs";
import { CONTAINER_UID } from "../../lib/container-user";
import { sharedStorageNames } from "../../lib/names/shared-storage";
import { fileSystemStatements } from "./file-system-policy";

/** A service's way into the file system: its access point. */
export interface ServiceAccessPoint {
  /** The service it belongs to. */
  readonly service: string;
  readonly id: string;
  readonly arn: string;
}

export interface SharedStorageModuleProps {
  /** Prefix of every resource name, e.g. "shop-prod". */
  readonly name: string;
  /** The VPC of the mount targets' security group. */
  readonly vpcId: string;
  /** Private subnets, one per AZ: a mount target in each. */
  readonly subnetIds: string[];
  /** The services that mount the file system: each gets an access point rooted at /<service>. */
  readonly services: readonly string[];
  /** The POSIX user and group the containers run as, owner of each service's directory. @default CONTAINER_UID (1000) */
  readonly posixId?: number;
  /** Days before files nobody reads move to Infrequent Access. @default 30 */
  readonly infrequentAccessAfterDays?: 7 | 14 | 30 | 60 | 90;
  /**
   * EFS's own daily backups (AWS Backup's default plan and vault); turn off when an AWS Backup
   * plan of the stack selects the file system already. @default true
   */
  readonly automaticBackups?: boolean;
  /** Tags added to the file system, e.g. the backup plan's selection tag. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An EFS file system for the services that declare `sharedStorage`: encrypted at rest with a key
 * of its own (rotated yearly), a mount target in each private subnet behind a security group that
 * starts closed (each client adds an ingress rule from its own group, as the ECS module does), and
 * an access point per service that fixes the POSIX user and roots it in /<service>, created
 * owned by that user. The file system's policy refuses clients without TLS or an access point.
 */
export class SharedStorageModule extends Construct {
  /** The EFS file system's id. */
  public readonly fileSystemId: string;
  /** The EFS file system's ARN. */
  public readonly fileSystemArn: string;
  /** The mount targets' security group: clients add ingress on 2049 from their own group. */
  public readonly securityGroupId: string;
  /** Each service's access point, in the order of the props. */
  public readonly accessPoints: readonly ServiceAccessPoint[];
  /** The file system's KMS key. */
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: SharedStorageModuleProps) {
    super(scope, id);
    if (props.services.length === 0) {
      throw new Error("SharedStorageModule needs at least one service that mounts it");
    }
    const posixId = props.posixId ?? CONTAINER_UID;
    const names = sharedStorageNames(props.name);

    const key = new ManagedKey(this, "key", {
      description: `Encrypts the shared file system of ${props.name}`,
      usedThrough: ["elasticfilesystem", "backup"],
    });
    new KmsAlias(this, "key-alias", {
      name: names.keyAlias,
      targetKeyId: key.keyId,
    });

    const fileSystem = new EfsFileSystem(this, "file-system", {
      creationToken: `${props.name}-shared`,
      encrypted: true,
      kmsKeyId: key.keyArn,
      performanceMode: "generalPurpose",
      throughputMode: "elastic",
      lifecyclePolicy: [
        { transitionToIa: `AFTER_${props.infrequentAccessAfterDays ?? 30}_DAYS` },
        { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" },
      ],
      tags: { Name: `${props.name}-shared`, ...props.tags },
    });
    new EfsBackupPolicy(this, "backup-policy", {
      fileSystemId: fileSystem.id,
      backupPolicy: { status: (props.automaticBackups ?? true) ? "ENABLED" : "DISABLED" },
    });
    const policy = new DataAwsIamPolicyDocument(this, "policy-document", {
      statement: fileSystemStatements(fileSystem.arn),
    });
    new EfsFileSystemPolicy(this, "policy", {
      fileSystemId: fileSystem.id,
      policy: policy.json,
    });

    const securityGroup = new SecurityGroup(this, "security-group", {
      name: names.securityGroup,
      description: `Shared file system of ${props.name}: NFS in from its clients' security groups only`,
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-efs` },
    });
    props.subnetIds.forEach((subnetId, i) => {
      new EfsMountTarget(this, `mount-target-${i}`, {
        fileSystemId: fileSystem.id,
        subnetId,
        securityGroups: [securityGroup.id],
      });
    });

    this.accessPoints = props.services.map((service) => {
      const accessPoint = new EfsAccessPoint(this, `access-point-${service}`, {
        fileSystemId: fileSystem.id,
        posixUser: { uid: posixId, gid: posixId },
        rootDirectory: {
          path: `/${service}`,
          creationInfo: { ownerUid: posixId, ownerGid: posixId, permissions: "0750" },
        },
        tags: { Name: `${props.name}-${service}`, Service: service },
      });
      return { service, id: accessPoint.id, arn: accessPoint.arn };
    });

    this.fileSystemId = fileSystem.id;
    this.fileSystemArn = fileSystem.arn;
    this.securityGroupId = securityGroup.id;
    this.kmsKeyArn = key.keyArn;
  }

  /** The access point of the service of that name; throws for a service it was not given. */
  public accessPoint(service: string): ServiceAccessPoint {
    const found = this.accessPoints.find((a) => a.service === service);
    if (!found) {
      throw new Error(
        `no access point for service "${service}"; pass it in the shared storage module's services`,
      );
    }
    return found;
  }
}

import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { TerraformOutput } from "cdktf";
import { parameterGroupFamily, RdsModule, type RdsModuleProps } from "../../modules/rds";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";

/** A small, protected, single-AZ PostgreSQL 16 with storage autoscaling and Performance Insights. */
const PROPS: RdsModuleProps = {
  identifier: "shop-prod-users",
  vpcId: "vpc-1",
  subnetIds: ["subnet-private-a", "subnet-private-b"],
  databaseName: "users",
  username: "users_admin",
  engineVersion: "16",
  instanceClass: "db.t4g.micro",
  allocatedStorageGb: 20,
  maxAllocatedStorageGb: 100,
  multiAz: false,
  backupRetentionDays: 7,
  deletionProtection: true,
  finalSnapshot: true,
  readReplica: false,
  performanceInsights: true,
  logRetentionDays: 30,
};

function synthRds(overrides: Partial<RdsModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    const rds = new RdsModule(scope, "postgres-users", { ...PROPS, ...overrides });
    new TerraformOutput(scope, "outputs", {
      value: {
        address: rds.address,
        port: rds.port,
        name: rds.databaseName,
        secret: rds.secretArn,
        reader: rds.readerAddress ?? "none",
      },
    });
  });
}

const instances = (synth: Synthesized) => Object.values(synth.resources("aws_db_instance"));
const keyArn = (synth: Synthesized) =>
  ref("aws_kms_key", logicalId(synth, "aws_kms_key", "postgres-users_key"), "arn");

describe("RdsModule", () => {
  it("places a private PostgreSQL instance in a subnet group over the private subnets", () => {
    const synth = synthRds();
    expect(synth.text).toHaveResourceWithProperties(DbSubnetGroup, {
      name: "shop-prod-users",
      subnet_ids: ["subnet-private-a", "subnet-private-b"],
    });
    expect(synth.resource("aws_db_instance")).toMatchObject({
      identifier: "shop-prod-users",
      engine: "postgres",
      db_name: "users",
      username: "users_admin",
      port: 5432,
      publicly_accessible: false,
      db_subnet_group_name: ref(
        "aws_db_subnet_group",
        logicalId(synth, "aws_db_subnet_group", "subnet-group"),
        "name",
      ),
      vpc_security_group_ids: [
        ref("aws_security_group", logicalId(synth, "aws_security_group", "security-group"), "id"),
      ],
    });
  });

  it("lets RDS generate the master password into Secrets Manager, encrypted with the database's own key", () => {
    const synth = synthRds();
    const instance = synth.resource("aws_db_instance");
    expect(instance).toMatchObject({
      manage_master_user_password: true,
      master_user_secret_kms_key_id: keyArn(synth),
    });
    expect(instance.password).toBeUndefined();
    expect(instance.password_wo).toBeUndefined();
    expect(synth.text).not.toMatch(/random_password|"password"\s*:/);
  });

  it("outputs the address, port, database name and the managed secret's ARN", () => {
    const synth = synthRds();
    const instance = logicalId(synth, "aws_db_instance", "instance");
    expect(synth.json.output!.outputs.value).toEqual({
      address: ref("aws_db_instance", instance, "address"),
      port: 5432,
      name: "users",
      secret: `\${aws_db_instance.${instance}.master_user_secret[0].secret_arn}`,
      reader: "none",
    });
  });

  it("encrypts storage and Performance Insights with a rotated key, on gp3 with storage autoscaling", () => {
    const synth = synthRds();
    expect(synth.resource("aws_kms_key")).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    });
    expect(synth.resource("aws_db_instance")).toMatchObject({
      storage_encrypted: true,
      kms_key_id: keyArn(synth),
      storage_type: "gp3",
      allocated_storage: 20,
      max_allocated_storage: 100,
      performance_insights_enabled: true,
      performance_insights_kms_key_id: keyArn(synth),
      performance_insights_retention_period: 7,
    });
  });

  it("turns storage autoscaling off when the ceiling equals the allocation, and Performance Insights off on request", () => {
    const instance = synthRds({
      allocatedStorageGb: 50,
      maxAllocatedStorageGb: 50,
      performanceInsights: false,
    }).resource("aws_db_instance");
    expect(instance.max_allocated_storage).toBeUndefined();
    expect(instance.performance_insights_enabled).toBe(false);
    expect(instance.performance_insights_kms_key_id).toBeUndefined();
  });

  it("pins the major version, upgrades minor versions automatically and never major ones", () => {
    const instance = synthRds().resource("aws_db_instance");
    expect(instance).toMatchObject({ engine_version: "16", auto_minor_version_upgrade: true });
    expect(instance.allow_major_version_upgrade).toBeUndefined();
  });

  it("forces TLS 1.2+ through a parameter group of the version's family", () => {
    const synth = synthRds({ engineVersion: "15.7" });
    const group = synth.resource("aws_db_parameter_group");
    expect(group).toMatchObject({
      family: "postgres15",
      name: "shop-prod-users-postgres15",
      lifecycle: { create_before_destroy: true },
    });
    expect(group.parameter).toEqual(
      expect.arrayContaining([
        { name: "rds.force_ssl", value: "1", apply_method: "pending-reboot" },
        { name: "ssl_min_protocol_version", value: "TLSv1.2", apply_method: "pending-reboot" },
      ]),
    );
    expect(synth.resource("aws_db_instance").parameter_group_name).toBe(
      ref(
        "aws_db_parameter_group",
        logicalId(synth, "aws_db_parameter_group", "parameter"),
        "name",
      ),
    );
  });

  it("pins the server certificate's CA to one in RDS's global bundle", () => {
    expect(synthRds().resource("aws_db_instance").ca_cert_identifier).toBe("rds-ca-rsa2048-g1");
  });

  it("exports the PostgreSQL and upgrade logs to log groups it creates first, with a retention", () => {
    const synth = synthRds({ logRetentionDays: 90 });
    const groups = synth.resources("aws_cloudwatch_log_group");
    expect(
      Object.values(groups)
        .map((g) => [g.name, g.retention_in_days])
        .sort(),
    ).toEqual([
      ["/aws/rds/instance/shop-prod-users/postgresql", 90],
      ["/aws/rds/instance/shop-prod-users/upgrade", 90],
    ]);
    const instance = synth.resource("aws_db_instance");
    expect(instance.enabled_cloudwatch_logs_exports).toEqual(["postgresql", "upgrade"]);
    expect(instance.depends_on!.sort()).toEqual(
      Object.keys(groups)
        .map((id) => `aws_cloudwatch_log_group.${id}`)
        .sort(),
    );
  });

  it("keeps backups, protects from deletion and takes a final snapshot when asked (production)", () => {
    expect(synthRds({ backupRetentionDays: 14 }).resource("aws_db_instance")).toMatchObject({
      backup_retention_period: 14,
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: "shop-prod-users-final",
      delete_automated_backups: false,
      copy_tags_to_snapshot: true,
    });
  });

  it("can be destroyed outright when protection and the final snapshot are off (non-production)", () => {
    const instance = synthRds({ deletionProtection: false, finalSnapshot: false }).resource(
      "aws_db_instance",
    );
    expect(instance).toMatchObject({
      deletion_protection: false,
      skip_final_snapshot: true,
      delete_automated_backups: true,
    });
    expect(instance.final_snapshot_identifier).toBeUndefined();
  });

  it("runs Multi-AZ only when asked", () => {
    expect(synthRds().text).toHaveResourceWithProperties(DbInstance, { multi_az: false });
    expect(synthRds({ multiAz: true }).text).toHaveResourceWithProperties(DbInstance, {
      multi_az: true,
    });
  });

  it("adds a read replica of the instance, behind the same security group, without backups of its own", () => {
    expect(instances(synthRds())).toHaveLength(1);
    const synth = synthRds({ readReplica: true });
    const primary = logicalId(synth, "aws_db_instance", "_instance_");
    const replica = synth.resourceAt("aws_db_instance", "read-replica");
    expect(replica).toMatchObject({
      identifier: "shop-prod-users-replica",
      replicate_source_db: ref("aws_db_instance", primary, "identifier"),
      vpc_security_group_ids: synth.resourceAt("aws_db_instance", "instance")
        .vpc_security_group_ids,
      parameter_group_name: synth.resourceAt("aws_db_instance", "instance").parameter_group_name,
      storage_encrypted: true,
      publicly_accessible: false,
      backup_retention_period: 0,
      skip_final_snapshot: true,
    });
    for (const inherited of [
      "engine",
      "engine_version",
      "username",
      "db_name",
      "manage_master_user_password",
    ]) {
      expect(replica[inherited]).toBeUndefined();
    }
    expect(synth.json.output!.outputs.value).toMatchObject({
      reader: ref(
        "aws_db_instance",
        logicalId(synth, "aws_db_instance", "read-replica"),
        "address",
      ),
    });
  });

  it("starts with a closed security group: no inline rules, no rule resources of its own", () => {
    const synth = synthRds();
    const group = synth.resource("aws_security_group");
    expect(group.ingress).toBeUndefined();
    expect(group.egress).toBeUndefined();
    expect(synth.resources("aws_vpc_security_group_ingress_rule")).toEqual({});
    expect(synth.resources("aws_vpc_security_group_egress_rule")).toEqual({});
  });

  it("fits long identifiers within RDS's 63 characters", () => {
    const synth = synthRds({
      identifier: "a-very-long-project-name-staging-notification-dispatcher-service",
      readReplica: true,
    });
    for (const instance of instances(synth)) {
      expect((instance.identifier as string).length).toBeLessThanOrEqual(63);
      expect(instance.identifier).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
      expect(instance.identifier).not.toMatch(/--/);
    }
  });
});

describe("parameterGroupFamily", () => {
  it("names the family after the major version", () => {
    expect(parameterGroupFamily("16")).toBe("postgres16");
    expect(parameterGroupFamily("16.4")).toBe("postgres16");
    expect(() => parameterGroupFamily("latest")).toThrow(/not a PostgreSQL version/);
  });
});

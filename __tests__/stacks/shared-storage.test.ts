import { loadProject } from "../../config/load";
import { configProject } from "../support/config-project";
import { synthEnvironment, synthEnvironmentStack } from "../support/stacks";
import { logicalId, ref, type Synthesized } from "../support/synth";

/** The repository's prod environment, with users asking for shared storage at /data. */
function prodWithSharedStorage(): Synthesized {
  const root = configProject({
    edit: { "services/users/service.json": (users) => (users.sharedStorage = { path: "/data" }) },
  });
  const prod = loadProject(root).environments.find((e) => e.name === "prod")!;
  return synthEnvironmentStack(prod);
}

describe("shared storage (a fixture manifest: users mounts /data)", () => {
  const synth = prodWithSharedStorage();
  const fileSystemId = logicalId(synth, "aws_efs_file_system", "shared-storage");
  const fileSystemArn = ref("aws_efs_file_system", fileSystemId, "arn");
  const accessPointId = logicalId(synth, "aws_efs_access_point", "access-point-users");
  const efsGroup = ref(
    "aws_security_group",
    logicalId(synth, "aws_security_group", "shared-storage_security-group"),
    "id",
  );
  const usersGroup = ref(
    "aws_security_group",
    logicalId(synth, "aws_security_group", "security-group-users"),
    "id",
  );

  it("is an EFS file system encrypted with a rotated key of its own, tagged for the backup plan", () => {
    const keyId = logicalId(synth, "aws_kms_key", "shared-storage_key");
    expect(synth.resource("aws_efs_file_system")).toMatchObject({
      encrypted: true,
      kms_key_id: ref("aws_kms_key", keyId, "arn"),
      tags: { Backup: "daily" },
    });
    expect(synth.resources("aws_kms_key")[keyId].enable_key_rotation).toBe(true);
    // The backup plan covers it; EFS's own automatic backups would duplicate it.
    expect(synth.resource("aws_efs_backup_policy").backup_policy).toEqual({ status: "DISABLED" });
  });

  it("has a mount target in each private subnet, behind a group that admits NFS from users only", () => {
    const privateSubnets = Object.entries(synth.resources("aws_subnet"))
      .filter(([id]) => id.includes("private-subnet"))
      .map(([id]) => ref("aws_subnet", id, "id"));
    const targets = Object.values(synth.resources("aws_efs_mount_target"));
    expect(targets.map((t) => t.subnet_id).sort()).toEqual(privateSubnets.sort());
    for (const target of targets) expect(target.security_groups).toEqual([efsGroup]);
    const ingress = Object.values(synth.resources("aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.security_group_id === efsGroup,
    );
    expect(ingress.map((r) => [r.from_port, r.to_port, r.referenced_security_group_id])).toEqual([
      [2049, 2049, usersGroup],
    ]);
    expect(
      Object.values(synth.resources("aws_vpc_security_group_egress_rule")).filter(
        (r) => r.referenced_security_group_id === efsGroup,
      ),
    ).toEqual([expect.objectContaining({ security_group_id: usersGroup, from_port: 2049 })]);
  });

  it("gives users an access point as the container user, rooted in /users created 0750", () => {
    expect(synth.resource("aws_efs_access_point")).toMatchObject({
      file_system_id: ref("aws_efs_file_system", fileSystemId, "id"),
      posix_user: { uid: 1000, gid: 1000 },
      root_directory: {
        path: "/users",
        creation_info: { owner_uid: 1000, owner_gid: 1000, permissions: "0750" },
      },
    });
  });

  it("mounts it in users' task with TLS and IAM through that access point, at /data", () => {
    const task = synth.resourceAt("aws_ecs_task_definition", "task-definition-users");
    expect(task.volume).toEqual([
      { name: "tmp" },
      {
        name: "shared",
        efs_volume_configuration: {
          file_system_id: ref("aws_efs_file_system", fileSystemId, "id"),
          transit_encryption: "ENABLED",
          authorization_config: {
            access_point_id: ref("aws_efs_access_point", accessPointId, "id"),
            iam: "ENABLED",
          },
        },
      },
    ]);
    const [container] = JSON.parse(task.container_definitions as string);
    expect(container.mountPoints).toContainEqual({
      sourceVolume: "shared",
      containerPath: "/data",
      readOnly: false,
    });
    const products = synth.resourceAt("aws_ecs_task_definition", "task-definition-products");
    expect(products.volume).toEqual([{ name: "tmp" }]);
  });

  it("lets users' task role mount and write through its access point only, never as root", () => {
    const document = Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
      id.includes("roles-users_task-policy-document"),
    )![1];
    const storage = (document.statement as { sid: string }[]).filter(
      (s) => s.sid !== "XrayDaemonWrite", // prod traces
    );
    expect(storage).toEqual([
      {
        sid: "MountSharedStorage",
        actions: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        resources: [fileSystemArn],
        condition: [
          {
            test: "StringEquals",
            variable: "elasticfilesystem:AccessPointArn",
            values: [ref("aws_efs_access_point", accessPointId, "arn")],
          },
        ],
      },
    ]);
  });

  it("refuses, in the file system's own policy, clients without TLS or an access point", () => {
    const document = Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
      id.includes("shared-storage_policy-document"),
    )![1];
    expect(
      (document.statement as Record<string, any>[]).map((s) => [s.effect, s.condition[0].variable]),
    ).toEqual([
      ["Deny", "aws:SecureTransport"],
      ["Deny", "elasticfilesystem:AccessPointArn"],
    ]);
  });
});

describe("the repository's stacks", () => {
  it.each(["dev", "prod"])("%s has no file system: no manifest asks for shared storage", (name) => {
    expect(synthEnvironment(name).resources("aws_efs_file_system")).toEqual({});
  });
});

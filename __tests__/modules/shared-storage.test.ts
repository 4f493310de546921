import { SharedStorageModule } from "../../modules/shared-storage";
import { synthScope } from "../support/synth";

const props = {
  name: "shop-prod",
  vpcId: "vpc-0123",
  subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
  services: ["media", "reports"],
};

describe("SharedStorageModule", () => {
  const synth = synthScope((scope) => new SharedStorageModule(scope, "shared", props));

  it("puts a mount target in every subnet and an access point per service", () => {
    expect(Object.values(synth.resources("aws_efs_mount_target")).map((t) => t.subnet_id)).toEqual(
      props.subnetIds,
    );
    expect(
      Object.values(synth.resources("aws_efs_access_point")).map(
        (a) => (a.root_directory as { path: string }).path,
      ),
    ).toEqual(["/media", "/reports"]);
  });

  it("starts with a security group without rules: clients add their own", () => {
    expect(synth.resource("aws_security_group")).toMatchObject({ name: "shop-prod-efs" });
    expect(synth.resource("aws_security_group").ingress).toBeUndefined();
  });

  it("keeps EFS's automatic backups on by default and moves cold files to Infrequent Access after 30 days", () => {
    expect(synth.resource("aws_efs_backup_policy").backup_policy).toEqual({ status: "ENABLED" });
    expect(synth.resource("aws_efs_file_system").lifecycle_policy).toEqual([
      { transition_to_ia: "AFTER_30_DAYS" },
      { transition_to_primary_storage_class: "AFTER_1_ACCESS" },
    ]);
  });

  it("exposes each service's access point, and refuses to name one for a service it was not given", () => {
    synthScope((scope) => {
      const storage = new SharedStorageModule(scope, "shared", props);
      expect(storage.accessPoints.map((a) => a.service)).toEqual(["media", "reports"]);
      expect(storage.accessPoint("reports").id).toMatch(/^\$\{TfToken\[/);
      expect(() => storage.accessPoint("orders")).toThrow(
        'no access point for service "orders"; pass it in the shared storage module\'s services',
      );
    });
  });

  it("refuses to exist for no service", () => {
    expect(() =>
      synthScope((scope) => new SharedStorageModule(scope, "shared", { ...props, services: [] })),
    ).toThrow("SharedStorageModule needs at least one service that mounts it");
  });
});

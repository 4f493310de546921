import { blocksOf } from "../inventory";
import { defineRule, type Finding } from "../rule";

/**
 * A task definition mounts EFS over TLS.
 *
 * References: checkov CKV_AWS_97; trivy AVD-AWS-0035 (aws-ecs-enable-in-transit-encryption);
 * cdk-nag has no task definition rule for it.
 */
export const efsTransitEncryption = defineRule({
  id: "SEC-ENC-005",
  title: "EFS volume mounted without TLS",
  references: { checkov: ["CKV_AWS_97"], trivy: ["AVD-AWS-0035"], cdkNag: [] },
  fix: 'set transit_encryption = "ENABLED" in the volume\'s efs_volume_configuration',
  appliesTo: ["aws_ecs_task_definition"],
  check({ attributes }) {
    return blocksOf(attributes.volume).flatMap((volume): Finding[] => {
      const efs = blocksOf(volume.efs_volume_configuration)[0];
      if (!efs || efs.transit_encryption === "ENABLED") return [];
      return [
        {
          problem: `volume "${String(volume.name)}" mounts EFS with transit_encryption ${String(efs.transit_encryption ?? "unset")}`,
          subject: String(volume.name),
        },
      ];
    });
  },
});

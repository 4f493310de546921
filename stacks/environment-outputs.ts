import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { AlbModule } from "../modules/alb";
import type { BackupModule } from "../modules/backup";
import type { DashboardModule } from "../modules/dashboard";
import type { EcrModule } from "../modules/ecr";
import type { EcsModule } from "../modules/ecs";
import type { ObservabilityModule } from "../modules/observability";
import type { SharedStorageModule } from "../modules/shared-storage";
import type { StaticObjectsModule } from "../modules/static-objects";
import type { ServiceResources } from "./service-resources";

/** The modules of an environment stack whose outputs users read after a deploy. */
export interface EnvironmentOutputSources {
  readonly alb: AlbModule;
  readonly ecr: EcrModule;
  readonly ecs: EcsModule;
  readonly observability: ObservabilityModule;
  readonly dashboard: DashboardModule;
  /** Each service with its data stores. */
  readonly resources: readonly ServiceResources[];
  readonly staticObjects: StaticObjectsModule;
  readonly backup: BackupModule;
  readonly sharedStorage?: SharedStorageModule;
}

/** `cdktf output <env>`: service URLs, repositories, cluster, dashboards, data stores, backups. */
export function declareEnvironmentOutputs(
  scope: Construct,
  sources: EnvironmentOutputSources,
): void {
  const { alb, ecr, ecs, dashboard, resources, staticObjects, backup, sharedStorage } = sources;
  new TerraformOutput(scope, "load_balancer_dns_name", { value: alb.dnsName });
  new TerraformOutput(scope, "service_urls", {
    value: Object.fromEntries(alb.targetGroups.map((t) => [t.service, t.url])),
  });
  new TerraformOutput(scope, "repository_urls", {
    value: Object.fromEntries(ecr.repositories.map((r) => [r.name, r.url])),
  });
  new TerraformOutput(scope, "cluster_name", { value: ecs.clusterName });
  new TerraformOutput(scope, "dashboard_name", { value: dashboard.dashboardName });
  new TerraformOutput(scope, "alarm_topic_arn", { value: sources.observability.alarmTopicArn });
  new TerraformOutput(scope, "databases", {
    description: "Per service: endpoint, port, database name and the ARN of its password secret",
    value: Object.fromEntries(
      resources.flatMap(({ service, database: db }) =>
        db
          ? [
              [
                service.name,
                {
                  endpoint: db.endpoint,
                  port: db.port,
                  database_name: db.databaseName,
                  secret_arn: db.secretArn,
                },
              ],
            ]
          : [],
      ),
    ),
  });
  new TerraformOutput(scope, "static_objects", {
    description:
      "The static objects bucket: its name (STATIC_BUCKET in the services that use it), ARN and key",
    value: {
      bucket: staticObjects.bucketName,
      arn: staticObjects.bucketArn,
      regional_domain_name: staticObjects.bucketRegionalDomainName,
      kms_key_arn: staticObjects.kmsKeyArn,
    },
  });
  new TerraformOutput(scope, "backups", {
    description: "The backup vault, its copy in another region (when any) and the selection tag",
    value: {
      vault_arn: backup.vaultArn,
      ...(backup.copyVaultArn && { copy_vault_arn: backup.copyVaultArn }),
      selection_tag: backup.selectionTag,
    },
  });
  if (sharedStorage) {
    new TerraformOutput(scope, "shared_storage", {
      description: "The shared EFS file system and each service's access point",
      value: {
        file_system_id: sharedStorage.fileSystemId,
        access_points: Object.fromEntries(sharedStorage.accessPoints.map((a) => [a.service, a.id])),
      },
    });
  }
  new TerraformOutput(scope, "tables", {
    description: "Per service: its DynamoDB table's name and ARN",
    value: Object.fromEntries(
      resources.flatMap(({ service, table }) =>
        table ? [[service.name, { name: table.module.tableName, arn: table.module.tableArn }]] : [],
      ),
    ),
  });
}

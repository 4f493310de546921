import { loadProject } from "../../config/load";
import type { AwsNameKind } from "../../lib/aws-name-rules";
import { environmentResourceNames, serviceResourceNames } from "../../lib/resource-names";
import { configProject, manifestText } from "../support/config-project";
import { synthEnvironmentStack } from "../support/stacks";
import type { Synthesized } from "../support/synth";

const LONG_SERVICE = "notification-dispatch-worker"; // 28 characters: shortened where limits are tight

/** Every name of each kind in a synthesized stack, read from the resources that carry them. */
function synthesizedNames(synth: Synthesized): Record<AwsNameKind, string[]> {
  const values = (type: string, read: (block: Record<string, any>) => string | string[]) =>
    Object.values(synth.resources(type)).flatMap((block) => read(block));
  const containers = values("aws_ecs_task_definition", (td) =>
    (JSON.parse(td.container_definitions) as { name: string }[]).map((c) => c.name),
  );
  return {
    loadBalancer: values("aws_lb", (lb) => lb.name),
    targetGroup: values("aws_lb_target_group", (tg) => tg.name),
    iamRole: values("aws_iam_role", (role) => role.name),
    securityGroup: values("aws_security_group", (sg) => sg.name),
    ecrRepository: values("aws_ecr_repository", (repo) => repo.name),
    logGroup: values("aws_cloudwatch_log_group", (group) => group.name),
    ecsCluster: values("aws_ecs_cluster", (cluster) => cluster.name),
    ecsService: values("aws_ecs_service", (service) => service.name),
    taskFamily: values("aws_ecs_task_definition", (td) => td.family),
    containerName: containers,
    serviceConnectName: values("aws_ecs_service", (service) =>
      service.service_connect_configuration.service.map(
        (s: { discovery_name: string }) => s.discovery_name,
      ),
    ),
    serviceConnectNamespace: values("aws_service_discovery_http_namespace", (ns) => ns.name),
    dbInstance: values("aws_db_instance", (db) => db.identifier),
    dbSubnetGroup: values("aws_db_subnet_group", (group) => group.name),
    dbParameterGroup: values("aws_db_parameter_group", (group) => group.name),
    kmsAlias: values("aws_kms_alias", (alias) => alias.name),
    dynamodbTable: values("aws_dynamodb_table", (table) => table.name),
    snsTopic: values("aws_sns_topic", (topic) => topic.name),
    cloudwatchDashboard: values("aws_cloudwatch_dashboard", (board) => board.dashboard_name),
    webAcl: values("aws_wafv2_web_acl", (acl) => acl.name),
    s3BucketPrefix: values("aws_s3_bucket", (bucket) => bucket.bucket_prefix ?? []),
  };
}

describe("the AWS names the configuration checks validate", () => {
  it("are exactly the names the stack synthesizes, shortened ones included", () => {
    const root = configProject({
      edit: {
        "environments/dev.json": (env) => {
          env.project = "acme-catalog";
          env.database = { readReplica: true };
          env.vpc.interfaceEndpoints = ["logs"];
        },
      },
      write: {
        [`services/${LONG_SERVICE}/service.json`]: manifestText("users", (svc) => {
          svc.name = LONG_SERVICE;
          svc.routing = { listenerPort: 9000, pathPrefix: "/notifications", priority: 300 };
          svc.datastores = { postgres: { database: "notifications" } };
          svc.sharedStorage = { path: "/data" };
        }),
      },
    });
    const env = loadProject(root).environments.find((e) => e.name === "dev")!;
    const imageTags = Object.fromEntries(env.services.map((s) => [s.name, "0123456789abcdef"]));
    const synth = synthEnvironmentStack(env, { imageTags, projectDir: "../../.." });

    const prefix = "acme-catalog-dev";
    const expected: Record<string, string[]> = {};
    for (const name of [
      ...environmentResourceNames(prefix, { interfaceEndpoints: true, sharedStorage: true }),
      ...env.services.flatMap((s) =>
        serviceResourceNames(prefix, {
          name: s.name,
          postgres: s.datastores.postgres && env.database,
          dynamodb: s.datastores.dynamodb !== undefined,
        }),
      ),
    ]) {
      (expected[name.kind] ??= []).push(name.name);
    }
    const synthesized = synthesizedNames(synth);
    for (const kind of Object.keys(synthesized) as AwsNameKind[]) {
      expect([kind, [...synthesized[kind]].sort()]).toEqual([kind, [...expected[kind]].sort()]);
    }
    expect(synthesized.targetGroup).toContainEqual(
      expect.stringMatching(/^acme-catalog-dev-notifica-[0-9a-f]{6}$/),
    );
  });
});

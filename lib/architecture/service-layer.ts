import {
  blocks,
  containerDefinitions,
  type SynthesizedResource,
} from "../synthesized/stack-resources";
import type { DiagramBuilder } from "./diagram-builder";
import { diagramId, type DiagramGroup } from "./diagram-model";
import { routesByTargetGroup } from "./load-balancer-layer";
import { vpcGroupOf } from "./network-layer";

/** The data stores a service can use, and how an edge to each is labelled. */
const DATA_STORE_USE: Readonly<Record<string, string>> = {
  aws_db_instance: "SQL",
  aws_rds_cluster: "SQL",
  aws_dynamodb_table: "items",
  aws_s3_bucket: "objects",
  aws_efs_file_system: "files (NFS)",
  aws_efs_access_point: "files (NFS)",
};

function taskDefinitionOf(builder: DiagramBuilder, service: SynthesizedResource) {
  return builder.index.referencedBy(service.body.task_definition, "aws_ecs_task_definition")[0];
}

/** What a service's tasks refer to: its task definition, and the policies of its task role. */
function taskReferences(
  builder: DiagramBuilder,
  taskDefinition: SynthesizedResource,
): SynthesizedResource[] {
  const { index } = builder;
  const taskRoles = index.referencedBy(taskDefinition.body.task_role_arn, "aws_iam_role");
  const policies = taskRoles.flatMap((role) =>
    index.referencing(role, "aws_iam_role_policy", "aws_iam_policy"),
  );
  return [taskDefinition, ...policies].flatMap((r) => index.referencedBy(r.body));
}

function dataStoresOf(
  builder: DiagramBuilder,
  taskDefinition: SynthesizedResource,
): SynthesizedResource[] {
  const stores = new Map<string, SynthesizedResource>();
  for (const r of taskReferences(builder, taskDefinition)) {
    if (!(r.type in DATA_STORE_USE)) continue;
    // An access point stands for its file system.
    const store =
      r.type === "aws_efs_access_point"
        ? (builder.index.referencedBy(r.body.file_system_id, "aws_efs_file_system")[0] ?? r)
        : r;
    stores.set(store.address, store);
  }
  return [...stores.values()];
}

/** The Service Connect names a service answers to: `dns name:port`. */
function clientAliases(service: SynthesizedResource): string[] {
  return blocks(service.body.service_connect_configuration).flatMap((config) =>
    blocks(config.service).flatMap((s) =>
      blocks(s.client_alias).map((alias) => `${String(alias.dns_name)}:${String(alias.port)}`),
    ),
  );
}

function environmentValues(taskDefinition: SynthesizedResource): string[] {
  return containerDefinitions(taskDefinition).flatMap((c) =>
    (c.environment ?? []).map((variable) => variable.value),
  );
}

function capacityLine(
  builder: DiagramBuilder,
  service: SynthesizedResource,
  taskDefinition?: SynthesizedResource,
): string {
  const desired = Number(service.body.desired_count ?? 1);
  const [target] = builder.index
    .referencing(service, "aws_appautoscaling_target")
    .concat(
      builder.index
        .ofType("aws_appautoscaling_target")
        .filter((t) => String(t.body.resource_id ?? "").endsWith(`/${String(service.body.name)}`)),
    );
  const range = target
    ? ` (${String(target.body.min_capacity)}–${String(target.body.max_capacity)})`
    : "";
  const cpu = taskDefinition ? Number(taskDefinition.body.cpu) / 1024 : undefined;
  const memory = taskDefinition ? Number(taskDefinition.body.memory) / 1024 : undefined;
  const size = cpu !== undefined ? ` × ${cpu} vCPU, ${memory} GB` : "";
  return `${desired} task${desired === 1 ? "" : "s"}${range}${size}`;
}

/**
 * Each ECS cluster in the VPC its services run in, a node per service (tasks, size, port), the
 * load balancer's routes to it, the calls between services (a caller's environment naming a
 * callee's Service Connect alias), its data stores and its image repository.
 */
export function addServices(
  builder: DiagramBuilder,
  vpcGroups: ReadonlyMap<string, DiagramGroup>,
): void {
  const { index } = builder;
  const routes = routesByTargetGroup(builder);
  const services = index.ofType("aws_ecs_service");
  for (const cluster of index.ofType("aws_ecs_cluster")) {
    const clusterServices = services.filter((s) =>
      index.referencedBy(s.body.cluster).includes(cluster),
    );
    const parent =
      clusterServices.map((s) => vpcGroupOf(builder, vpcGroups, s)).find((g) => g !== undefined) ??
      builder.regionOf(cluster);
    const insights = blocks(cluster.body.setting).some(
      (s) => s.name === "containerInsights" && s.value !== "disabled",
    );
    const group = builder.group(
      diagramId("cluster", cluster.name),
      `ECS cluster ${String(cluster.body.name ?? "")}${insights ? " (Container Insights)" : ""}`,
      parent,
    );
    for (const service of clusterServices) {
      const taskDefinition = taskDefinitionOf(builder, service);
      const ports = blocks(service.body.load_balancer).map((lb) => `:${String(lb.container_port)}`);
      const spot = blocks(service.body.capacity_provider_strategy).some(
        (s) => s.capacity_provider === "FARGATE_SPOT",
      );
      builder.addNode(group, service, "service", [
        `${String(service.body.name ?? service.name)} ${ports.join(" ")}`.trim(),
        capacityLine(builder, service, taskDefinition),
        spot ? "Fargate + Fargate Spot" : String(service.body.launch_type ?? "Fargate"),
      ]);
      for (const lb of blocks(service.body.load_balancer)) {
        for (const tg of index.referencedBy(lb.target_group_arn, "aws_lb_target_group")) {
          for (const route of routes.get(tg.address) ?? []) {
            builder.addEdge(
              builder.nodeId(route.loadBalancer),
              builder.nodeId(service),
              route.text,
            );
          }
        }
      }
      if (!taskDefinition) continue;
      for (const store of dataStoresOf(builder, taskDefinition)) {
        builder.addEdge(builder.nodeId(service), builder.nodeId(store), DATA_STORE_USE[store.type]);
      }
      for (const container of containerDefinitions(taskDefinition)) {
        for (const repository of index.referencedBy(container.image, "aws_ecr_repository")) {
          builder.addEdge(builder.nodeId(service), builder.nodeId(repository), "image", {
            dashed: true,
          });
        }
      }
    }
    // Calls: a caller's environment holds a callee's Service Connect URL.
    for (const caller of clusterServices) {
      const taskDefinition = taskDefinitionOf(builder, caller);
      if (!taskDefinition) continue;
      const values = environmentValues(taskDefinition);
      for (const callee of clusterServices) {
        for (const alias of clientAliases(callee)) {
          if (callee !== caller && values.some((v) => v.includes(`://${alias}`))) {
            builder.addEdge(builder.nodeId(caller), builder.nodeId(callee), `calls ${alias}`);
          }
        }
      }
    }
  }
}

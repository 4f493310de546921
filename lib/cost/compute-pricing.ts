import { resourceRegion, blocks, type SynthesizedResource } from "../synthesized/stack-resources";
import { spotTasks, type CapacityProviderShare } from "./fargate-capacity";
import { item, priced, type LineItem, type Pricer, type PricingContext } from "./line-item";

function capacityStrategy(service: SynthesizedResource): CapacityProviderShare[] {
  return blocks(service.body.capacity_provider_strategy).map((s) => ({
    provider: String(s.capacity_provider),
    base: Number(s.base ?? 0),
    weight: Number(s.weight ?? 0),
  }));
}

/** A service's task count: its desired count, or the autoscaling minimum when that is lower. */
export function serviceTasks(context: PricingContext, service: SynthesizedResource): number {
  const desired = Number(service.body.desired_count ?? 1);
  if (context.taskCount === "desired") return desired;
  const targets = context.index.referencing(service, "aws_appautoscaling_target");
  const minimum = targets.map((t) => Number(t.body.min_capacity));
  return Math.min(desired, ...minimum);
}

function containerInsights(context: PricingContext, service: SynthesizedResource): boolean {
  return context.index
    .referencedBy(service.body.cluster, "aws_ecs_cluster")
    .some((cluster) =>
      blocks(cluster.body.setting).some(
        (s) => s.name === "containerInsights" && s.value !== "disabled",
      ),
    );
}

/**
 * Fargate: each service's tasks × the task size × the hours, split between on demand and Spot as
 * its capacity provider strategy places them; Container Insights' metrics per service.
 */
export const fargatePricer: Pricer = {
  types: ["aws_ecs_service"],
  price(context, service) {
    const [taskDefinition] = context.index.referencedBy(
      service.body.task_definition,
      "aws_ecs_task_definition",
    );
    if (!taskDefinition) return [];
    const region = resourceRegion(context.stack, service);
    const vcpu = Number(taskDefinition.body.cpu) / 1024;
    const memoryGb = Number(taskDefinition.body.memory) / 1024;
    const platform = blocks(taskDefinition.body.runtime_platform)[0];
    const architecture = String(platform?.cpu_architecture ?? "X86_64").toLowerCase();
    const vcpuKey = `fargate.vcpu-hour.${architecture}`;
    const memoryKey = `fargate.gb-hour.${architecture}`;
    const taskHourPrice =
      vcpu * context.prices.price(vcpuKey, region) +
      memoryGb * context.prices.price(memoryKey, region);
    const tasks = serviceTasks(context, service);
    const strategy = capacityStrategy(service);
    const spot = spotTasks(tasks, strategy);
    const hours = context.usage.hoursPerMonth;
    const size = `${vcpu} vCPU, ${memoryGb} GB`;
    const items: LineItem[] = [];
    const taskHours = (n: number) => n * hours;
    if (tasks - spot > 0) {
      items.push(
        item(
          service,
          region,
          `Fargate on demand (${size} tasks)`,
          taskHours(tasks - spot),
          "task-hour",
          taskHourPrice,
          [vcpuKey, memoryKey],
        ),
      );
    }
    if (spot > 0) {
      const spotPrice = taskHourPrice * (1 - context.usage.fargateSpotDiscount);
      items.push(
        item(
          service,
          region,
          `Fargate Spot (${size} tasks)`,
          taskHours(spot),
          "task-hour",
          spotPrice,
          [vcpuKey, memoryKey],
        ),
      );
    }
    if (containerInsights(context, service)) {
      items.push(
        priced(
          context,
          service,
          "Container Insights metrics",
          context.usage.containerInsightsMetricsPerService,
          "cloudwatch.custom-metric-month",
        ),
      );
    }
    return items;
  },
};

/** Container Insights' cluster-level metrics. */
export const clusterPricer: Pricer = {
  types: ["aws_ecs_cluster"],
  price(context, cluster) {
    const enabled = blocks(cluster.body.setting).some(
      (s) => s.name === "containerInsights" && s.value !== "disabled",
    );
    return enabled
      ? [
          priced(
            context,
            cluster,
            "Container Insights metrics",
            context.usage.containerInsightsMetricsPerCluster,
            "cloudwatch.custom-metric-month",
          ),
        ]
      : [];
  },
};

/** A service's tasks at its desired and minimum counts, and how many of them run on Spot. */
export interface ServiceTasks {
  readonly service: string;
  readonly desired: number;
  readonly minimum: number;
  readonly spotAtDesired: number;
  readonly spotAtMinimum: number;
}

export function serviceTaskCounts(context: Omit<PricingContext, "taskCount">): ServiceTasks[] {
  return context.index.ofType("aws_ecs_service").map((service) => {
    const strategy = capacityStrategy(service);
    const desired = serviceTasks({ ...context, taskCount: "desired" }, service);
    const minimum = serviceTasks({ ...context, taskCount: "minimum" }, service);
    return {
      service: String(service.body.name ?? service.name),
      desired,
      minimum,
      spotAtDesired: spotTasks(desired, strategy),
      spotAtMinimum: spotTasks(minimum, strategy),
    };
  });
}

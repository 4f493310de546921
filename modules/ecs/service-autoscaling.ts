import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { Construct } from "constructs";

/** Target-tracking autoscaling of a service's task count; at least one target is set. */
export interface ServiceScaling {
  /** The fewest tasks. */
  readonly minCount: number;
  /** The most tasks. */
  readonly maxCount: number;
  /** Average CPU utilization (%) to keep the tasks at. @default none */
  readonly cpuTargetPercent?: number;
  /** Average memory utilization (%) to keep the tasks at. @default none */
  readonly memoryTargetPercent?: number;
  /** Load balancer requests per task per minute to keep the tasks at. @default none */
  readonly requestsPerTarget?: number;
}

export interface ServiceAutoscalingProps {
  /** The cluster's name (a reference, so the target waits for it). */
  readonly clusterName: string;
  /** The ECS service's name (a reference, so the target waits for the service). */
  readonly serviceName: string;
  /** Prefix of the policy names, e.g. "shop-prod-users". */
  readonly policyNamePrefix: string;
  readonly scaling: ServiceScaling;
  /**
   * "<load balancer ARN suffix>/<target group ARN suffix>": needed when requestsPerTarget is set.
   * @default none
   */
  readonly requestCountResourceLabel?: string;
  /** Seconds after a scale-out before another. @default 60 */
  readonly scaleOutCooldownSeconds?: number;
  /** Seconds after a scale-in before another; longer, so load that comes back finds tasks. @default 300 */
  readonly scaleInCooldownSeconds?: number;
}

type PredefinedMetric =
  | "ECSServiceAverageCPUUtilization"
  | "ECSServiceAverageMemoryUtilization"
  | "ALBRequestCountPerTarget";

/**
 * An Application Auto Scaling target on a service's desired count, between minCount and maxCount,
 * and a target-tracking policy per target set: average CPU, average memory, requests per task.
 * With several policies, the one asking for the most tasks wins on scale-out, and scale-in happens
 * only when all of them allow it.
 */
export class ServiceAutoscaling extends Construct {
  /** "service/<cluster>/<service>": the scalable target's resource id. */
  public readonly resourceId: string;
  public readonly policyNames: readonly string[];

  constructor(scope: Construct, id: string, props: ServiceAutoscalingProps) {
    super(scope, id);
    const { scaling } = props;
    if (scaling.minCount > scaling.maxCount) {
      throw new Error(
        `scaling minCount ${scaling.minCount} is above maxCount ${scaling.maxCount}; lower minCount or raise maxCount`,
      );
    }
    if (scaling.requestsPerTarget !== undefined && !props.requestCountResourceLabel) {
      throw new Error(
        "requestsPerTarget needs requestCountResourceLabel (the service's load balancer and target group); remove it for a service without a target group",
      );
    }
    const target = new AppautoscalingTarget(this, "target", {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      minCapacity: scaling.minCount,
      maxCapacity: scaling.maxCount,
    });

    const policies: [string, PredefinedMetric, number | undefined, string?][] = [
      ["cpu", "ECSServiceAverageCPUUtilization", scaling.cpuTargetPercent],
      ["memory", "ECSServiceAverageMemoryUtilization", scaling.memoryTargetPercent],
      [
        "requests",
        "ALBRequestCountPerTarget",
        scaling.requestsPerTarget,
        props.requestCountResourceLabel,
      ],
    ];
    const names: string[] = [];
    for (const [kind, metric, targetValue, resourceLabel] of policies) {
      if (targetValue === undefined) continue;
      // The name never carries the target value, so a new target updates the policy in place (AWS
      // allows one target-tracking policy per metric on a scalable target).
      const name = `${props.policyNamePrefix}-${kind}`;
      new AppautoscalingPolicy(this, `policy-${kind}`, {
        name,
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue,
          predefinedMetricSpecification: { predefinedMetricType: metric, resourceLabel },
          scaleOutCooldown: props.scaleOutCooldownSeconds ?? 60,
          scaleInCooldown: props.scaleInCooldownSeconds ?? 300,
          disableScaleIn: false,
        },
      });
      names.push(name);
    }
    this.resourceId = target.resourceId;
    this.policyNames = names;
  }
}

import { AWS_NAME_LIMITS, fitName } from "../aws-names";
import { serviceNameBase } from "./name-prefix";

/** A service's execution and task roles, named from its base, e.g. "shop-prod-users". */
export const serviceRoleNames = (base: string) => ({
  execution: fitName([base, "exec"], AWS_NAME_LIMITS.iamRole),
  task: fitName([base, "task"], AWS_NAME_LIMITS.iamRole),
});

/** The names the ECS module gives its resources; `prefix` is e.g. "shop-prod". */
export const ecsNames = (prefix: string) => ({
  cluster: fitName([prefix], AWS_NAME_LIMITS.ecsCluster),
  serviceConnectNamespace: prefix,
  /** The names of one service's resources. */
  service: (service: string) => {
    const base = serviceNameBase(prefix, service);
    return {
      /** The base of the service's role and autoscaling policy names. */
      base,
      roles: serviceRoleNames(base),
      ecsService: fitName([service], AWS_NAME_LIMITS.ecsService),
      taskFamily: base,
      container: service,
      serviceConnect: service,
      securityGroup: fitName([prefix, service], AWS_NAME_LIMITS.securityGroup),
      logGroup: `/ecs/${prefix}/${service}`,
    };
  },
});

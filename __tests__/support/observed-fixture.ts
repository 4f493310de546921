import type { ObservedResources } from "../../modules/dashboard";
import type { Synthesized } from "./synth";

/** Users (with a database) and products (with a table) behind one load balancer, as CloudWatch names them. */
export const OBSERVED: ObservedResources = {
  loadBalancerArnSuffix: "app/shop-prod/abc",
  clusterName: "shop-prod",
  services: [
    {
      name: "users",
      ecsServiceName: "users",
      targetGroupArnSuffix: "targetgroup/shop-prod-users/1",
      minimumTasks: 2,
    },
    {
      name: "products",
      ecsServiceName: "products",
      targetGroupArnSuffix: "targetgroup/shop-prod-products/2",
      minimumTasks: 1,
    },
  ],
  databases: [{ service: "users", identifier: "shop-prod-users", allocatedStorageGb: 20 }],
  tables: [{ service: "products", tableName: "shop-prod-products" }],
};

/** Every CloudWatch alarm of a synthesized stack. */
export const alarmsOf = (synth: Synthesized) =>
  Object.values(synth.resources("aws_cloudwatch_metric_alarm"));

/** The alarm of that name; fails when there is none. */
export const alarmNamed = (synth: Synthesized, name: string) => {
  const found = alarmsOf(synth).find((a) => a.alarm_name === name);
  if (!found) throw new Error(`no alarm ${name}`);
  return found;
};

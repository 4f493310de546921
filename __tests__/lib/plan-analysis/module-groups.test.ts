import { moduleGroupOf } from "../../../lib/plan-analysis/module-groups";

// Service names of a fixture configuration (any names would do).
const SERVICES = ["orders", "order-items", "billing"];

describe("moduleGroupOf", () => {
  it("groups by the first construct below the stack: the module", () => {
    expect(moduleGroupOf(["vpc", "subnet-public-0"], SERVICES)).toEqual({
      module: "vpc",
      label: "vpc",
    });
  });

  it("adds the service a deeper construct id names: module/service", () => {
    expect(moduleGroupOf(["ecs", "roles-billing", "task-role"], SERVICES)).toEqual({
      module: "ecs",
      service: "billing",
      label: "ecs/billing",
    });
  });

  it("keeps a module named after a service as it is", () => {
    expect(moduleGroupOf(["postgres-orders", "instance"], SERVICES)).toEqual({
      module: "postgres-orders",
      service: "orders",
      label: "postgres-orders",
    });
  });

  it("matches whole words only: `order` and `ordersx` name no service", () => {
    expect(moduleGroupOf(["alb", "rule-order"], SERVICES).label).toBe("alb");
    expect(moduleGroupOf(["alb", "rule-ordersx"], SERVICES).label).toBe("alb");
  });

  it("prefers the longest name at the same place, and the service named first", () => {
    expect(moduleGroupOf(["ecs", "service-order-items"], SERVICES).label).toBe("ecs/order-items");
    expect(moduleGroupOf(["ecs", "egress-billing-to-orders"], SERVICES).label).toBe("ecs/billing");
  });

  it("reads words split by underscores and dots too", () => {
    expect(moduleGroupOf(["observability", "alarm_orders.cpu"], SERVICES).label).toBe(
      "observability/orders",
    );
  });
});

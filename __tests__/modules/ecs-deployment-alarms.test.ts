import { synthEcsModule } from "../support/ecs-fixture";

describe("EcsModule deployment alarms", () => {
  it("rolls a service's deployment back when one of its alarms fires, besides the circuit breaker", () => {
    const synth = synthEcsModule({
      deploymentAlarmNames: { users: ["shop-prod-users-5xx-rate", "shop-prod-users-p99-latency"] },
    });
    const users = synth.resourceAt("aws_ecs_service", "service-users");
    expect(users.alarms).toEqual({
      alarm_names: ["shop-prod-users-5xx-rate", "shop-prod-users-p99-latency"],
      enable: true,
      rollback: true,
    });
    expect(users.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
  });

  it("leaves the alarms block out for a service without deployment alarms", () => {
    const synth = synthEcsModule({ deploymentAlarmNames: { users: ["a"] } });
    expect(synth.resourceAt("aws_ecs_service", "service-products").alarms).toBeUndefined();
  });

  it("refuses alarms keyed by a service it does not run", () => {
    expect(() => synthEcsModule({ deploymentAlarmNames: { orders: ["a"] } })).toThrow(
      "deploymentAlarmNames names unknown service(s) orders; key it by a service name",
    );
  });
});

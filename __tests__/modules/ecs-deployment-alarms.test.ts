import { ecsService, PRODUCTS, synthEcsModule, USERS } from "../support/ecs-fixture";

describe("EcsModule deployment alarms", () => {
  const synth = synthEcsModule({
    services: [
      ecsService(USERS, {
        deploymentAlarmNames: ["shop-prod-users-5xx-rate", "shop-prod-users-p99-latency"],
      }),
      ecsService(PRODUCTS),
    ],
  });

  it("rolls a service's deployment back when one of its alarms fires, besides the circuit breaker", () => {
    const users = synth.resourceAt("aws_ecs_service", "service-users");
    expect(users.alarms).toEqual({
      alarm_names: ["shop-prod-users-5xx-rate", "shop-prod-users-p99-latency"],
      enable: true,
      rollback: true,
    });
    expect(users.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
  });

  it("leaves the alarms block out for a service without deployment alarms", () => {
    expect(synth.resourceAt("aws_ecs_service", "service-products").alarms).toBeUndefined();
  });
});

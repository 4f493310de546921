import {
  XRAY_DAEMON_IMAGE,
  XRAY_TASK_STATEMENT,
  xrayDaemonContainer,
} from "../../modules/ecs/xray-sidecar";
import { containersOf, synthEcsModule } from "../support/ecs-fixture";
import type { Synthesized } from "../support/synth";

const taskDefinitionOf = (synth: Synthesized, service: string) =>
  synth.resourceAt("aws_ecs_task_definition", `task-definition-${service}`);

const taskPolicyOf = (synth: Synthesized, service: string) =>
  Object.entries(synth.json.data?.aws_iam_policy_document ?? {}).find(([id]) =>
    id.startsWith(`ecs_roles-${service}_task-policy-document`),
  )?.[1];

describe("EcsModule X-Ray tracing", () => {
  it("runs the pinned daemon next to each service: unprivileged, read-only, UDP 2000, its own log stream", () => {
    const synth = synthEcsModule({ xray: true });
    const [app, daemon] = containersOf(taskDefinitionOf(synth, "users"));
    expect(app.name).toBe("users");
    expect(daemon).toMatchObject({
      name: "xray-daemon",
      image: XRAY_DAEMON_IMAGE,
      essential: false,
      user: "10001:10001",
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: 2000, protocol: "udp" }],
      restartPolicy: { enabled: true },
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": app.logConfiguration.options["awslogs-group"],
          "awslogs-stream-prefix": "xray-daemon",
        },
      },
    });
    expect(XRAY_DAEMON_IMAGE).toMatch(/^public\.ecr\.aws\/xray\/aws-xray-daemon:\d+\.\d+\.\d+$/);
  });

  it("points the application at the daemon and starts the daemon first", () => {
    const [app] = containersOf(taskDefinitionOf(synthEcsModule({ xray: true }), "products"));
    expect(app.environment).toContainEqual({
      name: "AWS_XRAY_DAEMON_ADDRESS",
      value: "127.0.0.1:2000",
    });
    expect(app.dependsOn).toEqual([{ containerName: "xray-daemon", condition: "START" }]);
  });

  it("caps the daemon at an eighth of the task's memory, and keeps reservations and CPU within the task's", () => {
    const synth = synthEcsModule({ xray: true });
    for (const taskDefinition of Object.values(synth.resources("aws_ecs_task_definition"))) {
      const containers = containersOf(taskDefinition);
      const sum = (field: string) => containers.reduce((total, c) => total + (c[field] ?? 0), 0);
      expect(sum("memory")).toBeLessThanOrEqual(Number(taskDefinition.memory) / 8);
      expect(sum("memoryReservation")).toBeLessThanOrEqual(Number(taskDefinition.memory));
      expect(sum("cpu")).toBeLessThanOrEqual(Number(taskDefinition.cpu));
    }
  });

  it("lets the task role write traces and read sampling rules, on the '*' X-Ray requires", () => {
    const synth = synthEcsModule({ xray: true });
    const statements = taskPolicyOf(synth, "users")!.statement as Record<string, unknown>[];
    expect(statements).toContainEqual(
      expect.objectContaining({
        sid: "XrayDaemonWrite",
        actions: [
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "xray:GetSamplingRules",
          "xray:GetSamplingTargets",
          "xray:GetSamplingStatisticSummaries",
        ],
        resources: ["*"],
      }),
    );
  });

  it("adds no daemon, variable or permission when tracing is off", () => {
    const synth = synthEcsModule({ xray: false });
    const containers = containersOf(taskDefinitionOf(synth, "users"));
    expect(containers.map((c) => c.name)).toEqual(["users"]);
    expect(containers[0].environment.map((e: { name: string }) => e.name)).not.toContain(
      "AWS_XRAY_DAEMON_ADDRESS",
    );
    expect(containers[0].dependsOn).toBeUndefined();
    expect(taskPolicyOf(synth, "users")).toBeUndefined();
  });

  it("takes another daemon image when given one", () => {
    const synth = synthEcsModule({ xray: true, xrayDaemonImage: "example.com/xray:1.0.0" });
    expect(containersOf(taskDefinitionOf(synth, "users"))[1].image).toBe("example.com/xray:1.0.0");
  });

  it("refuses a task too small to share with the daemon", () => {
    const input = { logGroupName: "g", region: "us-east-1", taskCpu: 256 };
    expect(() => xrayDaemonContainer({ ...input, taskMemory: 256 })).toThrow(
      "a task of 256 CPU units and 256 MiB leaves too little for the application next to the X-Ray daemon; expected at least 256 CPU units and 512 MiB",
    );
    expect(xrayDaemonContainer({ ...input, taskMemory: 512 }).memory).toBe(64);
    expect(XRAY_TASK_STATEMENT.resources).toEqual(["*"]);
  });
});

import type { PolicyStatement } from "./service-roles";

/**
 * The AWS X-Ray daemon, pinned: the official image on Amazon ECR Public (a static binary on
 * `scratch`, running as its own user `xray`, uid 10001). Upgrade by changing the tag.
 */
export const XRAY_DAEMON_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:3.3.15";

export const XRAY_DAEMON = {
  containerName: "xray-daemon",
  /** UDP for segments; the same port on TCP serves the SDKs' sampling-rule requests. */
  port: 2000,
  /** CPU units reserved for the daemon out of the task's. */
  cpu: 32,
  /** MiB reserved for the daemon out of the task's memory. */
  memoryReservation: 32,
  /** MiB the daemon may never exceed: its segment buffers are capped well below this. */
  memory: 64,
  /** MiB of segment buffers (`--buffer-memory`; the daemon's default is 1% of the host's memory). */
  bufferMemory: 16,
  /** The image's own unprivileged user. */
  user: "10001:10001",
} as const;

/** Where the application's X-Ray SDK sends segments: the daemon, on the task's shared loopback. */
export const XRAY_DAEMON_ADDRESS = `127.0.0.1:${XRAY_DAEMON.port}`;

/**
 * What the daemon does with the task role. X-Ray authorizes these actions only on "*" (they act on
 * the account's traces and sampling rules, which have no ARN), as AWSXRayDaemonWriteAccess does.
 */
export const XRAY_TASK_STATEMENT: PolicyStatement = {
  sid: "XrayDaemonWrite",
  actions: [
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:GetSamplingStatisticSummaries",
  ],
  resources: ["*"],
};

export interface XrayDaemonContainerDefinition {
  readonly name: string;
  readonly image: string;
  readonly essential: false;
  readonly user: string;
  readonly readonlyRootFilesystem: true;
  readonly cpu: number;
  readonly memory: number;
  readonly memoryReservation: number;
  readonly command: readonly string[];
  readonly portMappings: readonly { readonly containerPort: number; readonly protocol: "udp" }[];
  readonly environment: readonly { readonly name: string; readonly value: string }[];
  readonly restartPolicy: { readonly enabled: true; readonly restartAttemptPeriod: number };
  readonly logConfiguration: {
    readonly logDriver: "awslogs";
    readonly options: Readonly<Record<string, string>>;
  };
}

export interface XrayDaemonInput {
  /** @default XRAY_DAEMON_IMAGE */
  readonly image?: string;
  readonly logGroupName: string;
  readonly region: string;
  /** The task's memory in MiB: the daemon's hard limit must leave most of it to the application. */
  readonly taskMemory: number;
  /** The task's CPU units. */
  readonly taskCpu: number;
}

/**
 * The daemon as a sidecar. Not essential: if it dies, the service keeps serving (traces are lost
 * until ECS restarts it, which the restart policy does in place) rather than the task being
 * replaced. Unprivileged, read-only root filesystem (it writes nothing; logs go to stdout), its
 * own log stream prefix in the service's log group, no health check (the image has no shell).
 */
export function xrayDaemonContainer(input: XrayDaemonInput): XrayDaemonContainerDefinition {
  // Fargate's smallest task has 512 MiB and 256 CPU units; the daemon takes an eighth at most.
  if (XRAY_DAEMON.memory * 8 > input.taskMemory || XRAY_DAEMON.cpu * 8 > input.taskCpu) {
    throw new Error(
      `a task of ${input.taskCpu} CPU units and ${input.taskMemory} MiB leaves too little for the application next to the X-Ray daemon; expected at least ${XRAY_DAEMON.cpu * 8} CPU units and ${XRAY_DAEMON.memory * 8} MiB`,
    );
  }
  return {
    name: XRAY_DAEMON.containerName,
    image: input.image ?? XRAY_DAEMON_IMAGE,
    essential: false,
    user: XRAY_DAEMON.user,
    readonlyRootFilesystem: true,
    cpu: XRAY_DAEMON.cpu,
    memory: XRAY_DAEMON.memory,
    memoryReservation: XRAY_DAEMON.memoryReservation,
    command: ["--local-mode", "--buffer-memory", String(XRAY_DAEMON.bufferMemory)],
    portMappings: [{ containerPort: XRAY_DAEMON.port, protocol: "udp" }],
    environment: [{ name: "AWS_REGION", value: input.region }],
    restartPolicy: { enabled: true, restartAttemptPeriod: 60 },
    logConfiguration: {
      logDriver: "awslogs",
      options: {
        "awslogs-group": input.logGroupName,
        "awslogs-region": input.region,
        "awslogs-stream-prefix": XRAY_DAEMON.containerName,
        mode: "non-blocking",
        "max-buffer-size": "4m",
      },
    },
  };
}

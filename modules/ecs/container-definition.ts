/** The subset of the ECS container definition schema this project writes, typed. */
export interface ContainerDefinition {
  readonly name: string;
  readonly image: string;
  readonly essential: boolean;
  readonly user: string;
  readonly readonlyRootFilesystem: boolean;
  readonly portMappings: readonly {
    readonly name: string;
    readonly containerPort: number;
    readonly protocol: "tcp";
    readonly appProtocol: "http";
  }[];
  readonly environment: readonly { readonly name: string; readonly value: string }[];
  readonly secrets?: readonly { readonly name: string; readonly valueFrom: string }[];
  readonly mountPoints: readonly {
    readonly sourceVolume: string;
    readonly containerPath: string;
    readonly readOnly: boolean;
  }[];
  readonly healthCheck: {
    readonly command: readonly string[];
    readonly interval: number;
    readonly timeout: number;
    readonly retries: number;
    readonly startPeriod: number;
  };
  readonly logConfiguration: {
    readonly logDriver: "awslogs";
    readonly options: Readonly<Record<string, string>>;
  };
  readonly stopTimeout: number;
  /** Sidecars that must have started before this container starts. */
  readonly dependsOn?: readonly ContainerDependency[];
}

export interface ContainerDependency {
  readonly containerName: string;
  readonly condition: "START";
}

/** The port mapping name Service Connect refers to. */
export const PORT_NAME = "http";
/** A writable scratch directory on an otherwise read-only root filesystem. */
export const SCRATCH_VOLUME = { name: "tmp", containerPath: "/tmp" } as const;

export interface ContainerInput {
  readonly name: string;
  readonly image: string;
  readonly port: number;
  readonly healthCheckPath: string;
  readonly user: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly secrets?: Readonly<Record<string, string>>;
  /** Volumes mounted besides the scratch directory, e.g. shared storage. @default none */
  readonly mountPoints?: readonly {
    readonly sourceVolume: string;
    readonly containerPath: string;
  }[];
  readonly logGroupName: string;
  readonly region: string;
  /** Sidecars to start first. @default none */
  readonly startAfter?: readonly string[];
}

/**
 * The one essential container of a service's task: non-root, read-only root filesystem with a
 * scratch /tmp, a named port mapping for Service Connect, a health check run inside the container
 * with Node's fetch (the images are Node), and awslogs logging.
 */
export function buildContainerDefinition(input: ContainerInput): ContainerDefinition {
  const probe = `fetch('http://127.0.0.1:${input.port}${input.healthCheckPath}').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`;
  const sorted = (record: Readonly<Record<string, string>>) =>
    Object.keys(record)
      .sort()
      .map((name) => [name, record[name]] as const);
  return {
    name: input.name,
    image: input.image,
    essential: true,
    user: input.user,
    readonlyRootFilesystem: true,
    portMappings: [
      { name: PORT_NAME, containerPort: input.port, protocol: "tcp", appProtocol: "http" },
    ],
    environment: sorted({ ...input.environment, PORT: String(input.port) }).map(
      ([name, value]) => ({ name, value }),
    ),
    ...(input.secrets && Object.keys(input.secrets).length > 0
      ? { secrets: sorted(input.secrets).map(([name, valueFrom]) => ({ name, valueFrom })) }
      : {}),
    mountPoints: [
      {
        sourceVolume: SCRATCH_VOLUME.name,
        containerPath: SCRATCH_VOLUME.containerPath,
        readOnly: false,
      },
      ...(input.mountPoints ?? []).map((mount) => ({ ...mount, readOnly: false })),
    ],
    healthCheck: {
      command: ["CMD", "node", "-e", probe],
      interval: 15,
      timeout: 5,
      retries: 3,
      startPeriod: 30,
    },
    logConfiguration: {
      logDriver: "awslogs",
      options: {
        "awslogs-group": input.logGroupName,
        "awslogs-region": input.region,
        "awslogs-stream-prefix": input.name,
        mode: "non-blocking",
        "max-buffer-size": "25m",
      },
    },
    stopTimeout: 30,
    ...(input.startAfter && input.startAfter.length > 0
      ? {
          dependsOn: input.startAfter.map((containerName) => ({
            containerName,
            condition: "START" as const,
          })),
        }
      : {}),
  };
}

/** The CPU architectures ECS Fargate runs Linux tasks on. */
export type TaskCpuArchitecture = "X86_64" | "ARM64";

const PLATFORMS: Readonly<Record<TaskCpuArchitecture, string>> = {
  X86_64: "linux/amd64",
  ARM64: "linux/arm64",
};

/** The `docker build --platform` value for an ECS task's CPU architecture. */
export function dockerPlatform(architecture: TaskCpuArchitecture): string {
  return PLATFORMS[architecture];
}

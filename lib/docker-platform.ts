/** The CPU architectures ECS Fargate runs Linux tasks on. */
export const CPU_ARCHITECTURES = ["X86_64", "ARM64"] as const;
export type CpuArchitecture = (typeof CPU_ARCHITECTURES)[number];

const PLATFORMS: Readonly<Record<CpuArchitecture, string>> = {
  X86_64: "linux/amd64",
  ARM64: "linux/arm64",
};

/** The `docker build --platform` value for an ECS task's CPU architecture. */
export function dockerPlatform(architecture: CpuArchitecture): string {
  return PLATFORMS[architecture];
}

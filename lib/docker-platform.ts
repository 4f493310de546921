import type { CpuArchitecture } from "../config/schema/service";

const PLATFORMS: Record<CpuArchitecture, string> = {
  X86_64: "linux/amd64",
  ARM64: "linux/arm64",
};

/** The `docker build --platform` value for an ECS task's CPU architecture. */
export function dockerPlatform(architecture: CpuArchitecture): string {
  return PLATFORMS[architecture];
}

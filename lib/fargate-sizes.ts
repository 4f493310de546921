/**
 * The CPU and memory combinations Fargate accepts for a task (Linux), in CPU units and MiB.
 * Anything else fails at apply time with "No Fargate configuration exists for given values".
 */
const MEMORY_BY_CPU: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

export function fargateMemoryOptions(cpu: number): readonly number[] {
  return MEMORY_BY_CPU[cpu] ?? [];
}

export function isValidFargateSize(cpu: number, memory: number): boolean {
  return fargateMemoryOptions(cpu).includes(memory);
}

/** "512, 1024 or 2048" or "from 2048 to 8192 in steps of 1024", for error messages. */
export function describeMemoryOptions(cpu: number): string {
  const options = fargateMemoryOptions(cpu);
  if (options.length === 0) return "no memory size (the CPU value is not a Fargate size)";
  if (options.length <= 3)
    return `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]} MiB`;
  return `${options[0]} to ${options[options.length - 1]} MiB in steps of ${options[1] - options[0]}`;
}

/** The CPU values that accept a memory size, e.g. [256] for 512 MiB. */
export function fargateCpuOptions(memory: number): number[] {
  return Object.keys(MEMORY_BY_CPU)
    .map(Number)
    .filter((cpu) => isValidFargateSize(cpu, memory));
}

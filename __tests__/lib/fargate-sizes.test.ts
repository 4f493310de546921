import {
  describeMemoryOptions,
  fargateCpuOptions,
  fargateMemoryOptions,
  isValidFargateSize,
} from "../../lib/fargate-sizes";

describe("Fargate task sizes", () => {
  it.each([
    [256, 512],
    [256, 1024],
    [256, 2048],
    [512, 4096],
    [1024, 8192],
    [2048, 16384],
    [4096, 30720],
    [8192, 61440],
    [16384, 122880],
  ])("accepts %i CPU with %i MiB", (cpu, memory) =>
    expect(isValidFargateSize(cpu, memory)).toBe(true),
  );

  it.each([
    [256, 4096],
    [512, 512],
    [1024, 1024],
    [2048, 17408],
    [8192, 18432],
    [16384, 36864],
    [300, 1024],
  ])("rejects %i CPU with %i MiB", (cpu, memory) =>
    expect(isValidFargateSize(cpu, memory)).toBe(false),
  );

  it("describes the valid memory sizes for a CPU value", () => {
    expect(describeMemoryOptions(256)).toBe("512, 1024 or 2048 MiB");
    expect(describeMemoryOptions(1024)).toBe("2048 to 8192 MiB in steps of 1024");
    expect(describeMemoryOptions(3)).toMatch(/not a Fargate size/);
    expect(fargateMemoryOptions(16384)).toHaveLength(12);
  });
});

describe("fargateCpuOptions", () => {
  it("lists the CPU values a memory size runs with", () => {
    expect(fargateCpuOptions(512)).toEqual([256]);
    expect(fargateCpuOptions(4096)).toEqual([512, 1024, 2048]);
    expect(fargateCpuOptions(3000)).toEqual([]);
  });
});

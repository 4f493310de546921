// Preloaded into a benchmarked process: on exit, reports its peak memory and CPU time on stderr
// as one JSON line.
"use strict";
process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpuMicros = usage.userCPUTime + usage.systemCPUTime;
  process.stderr.write(
    `\n${JSON.stringify({ benchMaxRssKb: usage.maxRSS, benchCpuMicros: cpuMicros })}\n`,
  );
});

/**
 * One synthesis of every stack, timed step by step in CPU time (user + system, this process
 * only): `npm run bench` runs it in fresh processes and reports the medians. Prints one JSON
 * object on stdout. Argument: a JSON list of the provider modules the baseline loads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type * as Main from "../../main";
import type * as Policy from "../../policy";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const start = process.cpuUsage();
const cpuMs = () => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
const steps: Record<string, number> = {};
let last = 0;
const done = (step: string) => {
  const now = cpuMs();
  steps[step] = (steps[step] ?? 0) + now - last;
  last = now;
};

// What the bare-Node baseline loads, first, so the rest is the project's own cost.
/* eslint-disable @typescript-eslint/no-require-imports -- loaded in order, to time each part */
require("cdktf");
for (const module of JSON.parse(process.argv[2] ?? "[]") as string[]) require(module);
done("cdktf and the provider classes (the baseline's work)");
const { synthesize } = require("../../main") as typeof Main;
const { SecurityPolicy } = require("../../policy") as typeof Policy;
/* eslint-enable @typescript-eslint/no-require-imports */
done("the project's code");

// The security policy runs inside cdktf's synthesis: time its calls apart.
let policyMs = 0;
for (const method of ["visit", "conclude"] as const) {
  const original = SecurityPolicy.prototype[method] as (...args: unknown[]) => unknown;
  (SecurityPolicy.prototype as unknown as Record<string, unknown>)[method] = function (
    this: unknown,
    ...args: unknown[]
  ) {
    const before = cpuMs();
    try {
      return original.apply(this, args);
    } finally {
      policyMs += cpuMs() - before;
    }
  };
}

const outdir = mkdtempSync(join(tmpdir(), "bench-steps-"));
synthesize(resolve(__dirname, "..", ".."), join(outdir, "cdktf.out"), (step) => {
  done(
    {
      configuration: "load and check the configuration",
      "image tags": "hash each service's build context (image tags)",
      stacks: "build the stacks (constructs)",
      synthesis: "synthesize: resolve, validate, write cdk.tf.json",
    }[step],
  );
});
rmSync(outdir, { recursive: true, force: true });
const synthesis = "synthesize: resolve, validate, write cdk.tf.json";
steps[synthesis] -= policyMs;
steps["the security policy (inside synthesis)"] = policyMs;
process.stdout.write(`${JSON.stringify(steps)}\n`);

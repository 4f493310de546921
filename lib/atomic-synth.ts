import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Terraform's working files in a stack directory, kept across synths so `init` need not start over. */
const TERRAFORM_WORKING_FILES = [".terraform", ".terraform.lock.hcl"];

/**
 * Runs `synthesize` against a staging directory next to `outdir` and, only when it succeeds,
 * swaps the staging directory in. A failed synthesis leaves an earlier `outdir` byte-for-byte
 * intact; a successful one keeps each stack's Terraform working files (.terraform, lock file).
 */
export function synthesizeAtomically(
  outdir: string,
  synthesize: (stagingDir: string) => void,
): void {
  const staging = `${outdir}.staging-${process.pid}`;
  const previous = `${outdir}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    synthesize(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  carryOverWorkingFiles(outdir, staging);
  if (existsSync(outdir)) renameSync(outdir, previous);
  renameSync(staging, outdir);
  rmSync(previous, { recursive: true, force: true });
}

function carryOverWorkingFiles(from: string, to: string): void {
  const stacks = join(from, "stacks");
  if (!existsSync(stacks)) return;
  for (const stack of readdirSync(stacks)) {
    if (!existsSync(join(to, "stacks", stack))) continue;
    for (const entry of TERRAFORM_WORKING_FILES) {
      const source = join(stacks, stack, entry);
      if (existsSync(source)) renameSync(source, join(to, "stacks", stack, entry));
    }
  }
}

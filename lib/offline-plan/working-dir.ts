import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OFFLINE_OVERRIDE_FILE, type OverrideFile } from "./offline-override";

/**
 * Terraform's data directory: kept between runs so `init` finds the provider already linked, never
 * copied from the synthesis output. The dependency lock file is not kept: the synthesized one is
 * used when there is one, else `init` writes a fresh one, which is also faster than verifying an
 * old one (0.5 s against 1.0 s here) and never goes stale when the provider version changes.
 */
const TERRAFORM_DATA_DIR = ".terraform";
const STATE_FILE = /\.tfstate(\..*)?$/;

/**
 * Makes `workDir` a copy of a synthesized stack folder plus the offline override: files no longer
 * synthesized are removed, Terraform's data directory is kept, and the synthesized folder itself
 * is only read.
 */
export function prepareWorkingDir(stackDir: string, workDir: string, override: OverrideFile): void {
  mkdirSync(workDir, { recursive: true });
  for (const name of readdirSync(workDir)) {
    if (name !== TERRAFORM_DATA_DIR) rmSync(join(workDir, name), { recursive: true, force: true });
  }
  for (const name of readdirSync(stackDir)) {
    if (name === TERRAFORM_DATA_DIR || STATE_FILE.test(name)) continue;
    cpSync(join(stackDir, name), join(workDir, name), { recursive: true });
  }
  writeFileSync(join(workDir, OFFLINE_OVERRIDE_FILE), `${JSON.stringify(override, null, 2)}\n`);
}

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { synthesize } from "../main";
import type { RecordedSuppression } from "../policy/exception-table";

/** The suppressions each stack of the project records, from a synthesis into a scratch folder. */
export function projectSuppressions(): Record<string, RecordedSuppression[]> {
  const scratch = mkdtempSync(join(tmpdir(), "policy-rules-"));
  try {
    const outdir = join(scratch, "cdktf.out");
    synthesize(resolve(__dirname, ".."), outdir);
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    return Object.fromEntries(
      Object.entries(manifest.stacks).map(([name, stack]) => {
        const json = JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"));
        return [name, json["//"]?.security_policy?.suppressed ?? []];
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

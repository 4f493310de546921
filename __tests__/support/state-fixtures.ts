import { App, DataResource, TerraformStack } from "cdktf";
import { rmSync, writeFileSync } from "node:fs";
import {
  readSynthesizedStacks,
  type SynthesizedStack,
} from "../../lib/offline-plan/synthesized-stack";
import { useRemoteState } from "../../stacks/remote-state";

/** Where the fixture stacks keep their state: a bucket and a lock table of their own. */
export const FIXTURE_STATE = {
  bucket: "fixture-terraform-state",
  region: "us-east-1",
  lockTable: "fixture-terraform-locks",
} as const;

/**
 * A file the fixture's `holder` waits for while it is being created. Closed, whoever applies the
 * holder keeps the state lock (Terraform holds it for the whole apply) until the test opens it.
 */
export class Gate {
  constructor(readonly path: string) {}
  open(): void {
    writeFileSync(this.path, "");
  }
  close(): void {
    rmSync(this.path, { force: true });
  }
}

export interface StateFixture {
  /** The stack's name; its state object is `<name>.tfstate` in the fixture bucket. */
  readonly name: string;
  /** As in an environment file: "dynamodb" (prod) or "s3" (dev, `use_lockfile`). */
  readonly lock: "s3" | "dynamodb";
  /** Adds `terraform_data.holder`, whose creation waits at this gate. */
  readonly gate?: Gate;
}

/** How long the holder waits for its gate at most, so a broken test never leaves it behind. */
const GATE_LIMIT_SECONDS = 120;

/** Waits, polling every 50 ms, until the file named by $GATE exists; gives up after the limit. */
export const WAIT_AT_GATE =
  `i=0; until [ -e "$GATE" ]; do ` +
  `i=$((i+1)); [ "$i" -le ${GATE_LIMIT_SECONDS * 20} ] || exit 1; sleep 0.05; done`;

/**
 * Synthesizes stacks whose only resources are `terraform_data` (built into Terraform: no AWS, no
 * provider to install), each on an S3 backend made by the project's own `useRemoteState`, and
 * returns them as the offline tooling reads them.
 */
export function synthesizeStateFixtures(
  outdir: string,
  fixtures: readonly StateFixture[],
): SynthesizedStack[] {
  const app = new App({ outdir, stackTraces: false });
  for (const fixture of fixtures) {
    const stack = new TerraformStack(app, fixture.name);
    useRemoteState(stack, {
      bucket: FIXTURE_STATE.bucket,
      key: `${fixture.name}.tfstate`,
      region: FIXTURE_STATE.region,
      lock: fixture.lock,
      dynamodbTable: fixture.lock === "dynamodb" ? FIXTURE_STATE.lockTable : undefined,
    });
    new DataResource(stack, "seed", { input: { fixture: fixture.name } });
    if (fixture.gate !== undefined) {
      new DataResource(stack, "holder", {
        input: { holds: "the state lock until the gate opens" },
        provisioners: [
          {
            type: "local-exec",
            interpreter: ["/bin/sh", "-c"],
            command: WAIT_AT_GATE,
            environment: { GATE: fixture.gate.path },
          },
        ],
      });
    }
  }
  app.synth();
  return readSynthesizedStacks(outdir);
}

/** The fixture stack of that name. */
export function fixtureStack(stacks: readonly SynthesizedStack[], name: string): SynthesizedStack {
  const stack = stacks.find((s) => s.name === name);
  if (stack === undefined) {
    throw new Error(`no fixture stack ${name}; have ${stacks.map((s) => s.name).join(", ")}`);
  }
  return stack;
}

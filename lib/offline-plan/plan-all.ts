import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { startEmulators, type Emulators } from "../emulators";
import type { TerraformCli } from "../terraform-cli/write-cli-config";
import { createLimiter } from "./limiter";
import { prepareOfflineRuns } from "./offline-setup";
import { planStackOffline, type OfflineStackPlan } from "./plan-stack";
import { readSynthesizedStacks, type SynthesizedStack } from "./synthesized-stack";

/** Where offline working directories live, below the project root; never committed. */
export const OFFLINE_WORK_ROOT = ".offline-plan";

export interface OfflinePlanOptions {
  /** The project root: holds the CLI configuration folder. */
  readonly root: string;
  /** The synthesis output to plan. @default "<root>/cdktf.out" */
  readonly outdir?: string;
  /**
   * Where the stacks' working directories are made, each at the same relative place as in the
   * synthesis output (`stacks/<name>`), so relative paths in the configuration keep their meaning.
   * @default "<root>/.offline-plan"
   */
  readonly workRoot?: string;
  /** Only these stacks, in this order. @default every stack of the manifest, in its order */
  readonly stacks?: readonly string[];
  /**
   * How many stacks are worked on at once; their inits still run one at a time, so with 2 one
   * stack's init overlaps the other's plan. @default the number of stacks, at most the CPU count
   */
  readonly jobs?: number;
  /** How long a plan waits for a held state lock. @default "30s" */
  readonly lockTimeout?: string;
  /** Also read each saved plan as JSON (`planJson` of each stack's result). @default false */
  readonly showJson?: boolean;
  /** Emulators to plan against (left running); by default fresh ones, stopped at the end. */
  readonly emulators?: Emulators;
  /** Aborting interrupts running terraform processes; no new step starts. */
  readonly signal?: AbortSignal;
  /** Called as each stack finishes, for progress output. */
  readonly onStackPlanned?: (plan: OfflineStackPlan) => void;
}

export interface OfflinePlanReport {
  readonly plans: readonly OfflineStackPlan[];
  readonly cli: TerraformCli;
  /** The environment terraform ran with (for `terraform show` on the saved plans). */
  readonly env: NodeJS.ProcessEnv;
  readonly emulatorsStartMs: number;
  readonly totalMs: number;
}

/** Stack names asked for that the synthesis output does not have. */
export class UnknownStackError extends Error {
  constructor(
    readonly unknown: readonly string[],
    readonly known: readonly string[],
  ) {
    super(
      `${unknown.map((name) => `"${name}"`).join(", ")}: no such stack; ` +
        `the synthesized stacks are ${known.join(", ")}.`,
    );
  }
}

/** The stacks of those names, in the order given; every stack, in synthesis order, by default. */
export function selectStacks(
  all: readonly SynthesizedStack[],
  names: readonly string[] | undefined,
): SynthesizedStack[] {
  if (names === undefined) return [...all];
  const unknown = names.filter((name) => !all.some((stack) => stack.name === name));
  if (unknown.length > 0)
    throw new UnknownStackError(
      unknown,
      all.map((s) => s.name),
    );
  return [...new Set(names)].map(
    (name) => all.find((stack) => stack.name === name) as SynthesizedStack,
  );
}

/**
 * Plans every synthesized stack offline: starts the S3/DynamoDB stand-ins, writes the CLI
 * configuration (provider mirror), creates each backend's bucket and lock table, then inits (one at
 * a time) and plans (up to `jobs` at once) each stack in its own working directory.
 */
export async function planAllStacksOffline(
  options: OfflinePlanOptions,
): Promise<OfflinePlanReport> {
  const started = performance.now();
  const root = resolve(options.root);
  const stacks = selectStacks(
    readSynthesizedStacks(resolve(root, options.outdir ?? "cdktf.out")),
    options.stacks,
  );
  const emulatorsStarted = performance.now();
  const emulators = options.emulators ?? (await startEmulators());
  const emulatorsStartMs = performance.now() - emulatorsStarted;
  try {
    const setup = await prepareOfflineRuns({ root, stacks, emulators, signal: options.signal });
    const context = {
      ...setup.context,
      lockTimeout: options.lockTimeout ?? "30s",
      showJson: options.showJson,
    };
    const stackLimiter = createLimiter(
      options.jobs ?? Math.max(1, Math.min(stacks.length, availableParallelism())),
    );
    const workRoot = resolve(root, options.workRoot ?? OFFLINE_WORK_ROOT);
    // Settle every stack before returning: the emulators must outlive every terraform process.
    const settled = await Promise.allSettled(
      stacks.map(async (stack) => {
        const plan = await stackLimiter.run(() =>
          planStackOffline(stack, join(workRoot, stack.relativeDirectory), context),
        );
        options.onStackPlanned?.(plan);
        return plan;
      }),
    );
    const rejected = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (rejected) throw rejected.reason;
    const plans = settled.map((r) => (r as PromiseFulfilledResult<OfflineStackPlan>).value);
    return {
      plans,
      cli: setup.cli,
      env: context.env,
      emulatorsStartMs,
      totalMs: performance.now() - started,
    };
  } finally {
    if (options.emulators === undefined) await emulators.stop();
  }
}

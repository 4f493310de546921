import { parseArgs } from "node:util";
import { PLAN_EXIT_CODES } from "./exit-codes";

export interface PlanOptions {
  readonly help: boolean;
  /** Only these stacks; every stack when undefined. */
  readonly stacks?: readonly string[];
  readonly jobs?: number;
  readonly lockTimeout: string;
  readonly details: boolean;
  readonly json: boolean;
  readonly allowReplace: boolean;
}

export const DEFAULT_LOCK_TIMEOUT = "30s";

/** A Go duration, as Terraform reads `-lock-timeout`: `0s`, `90s`, `5m`, `1m30s`. */
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

export const PLAN_USAGE =
  "Usage: npm run plan -- [--stack NAME]... [--details] [--json] [--allow-replace] [--jobs N] [--lock-timeout DURATION]";

export const PLAN_HELP = `${PLAN_USAGE}

Synthesizes the stacks and plans each one with the real terraform and AWS provider, offline:
state and locks go to local S3 and DynamoDB stand-ins, no AWS account or network is used. Prints
each stack's changes counted per module (vpc, alb, ecs/<service>...), replacements and destroys
listed first. Nothing is refreshed: the plan compares the configuration with the recorded state.

Options:
  --stack NAME             plan only this stack; repeatable, planned in the order given
                           (default: every stack)
  --details                list every resource and its action under its module
  --json                   print one JSON document (stacks, groups, changes, problems) instead
  --allow-replace          accept replacing or destroying stateful resources (databases, tables,
                           buckets, file systems, keys, registries, load balancers, backup vaults)
  --jobs N                 how many stacks are planned at once (default: the number of stacks,
                           at most the CPU count); inits still run one at a time
  --lock-timeout DURATION  how long a plan waits for a held state lock, e.g. 0s, 5m
                           (default: ${DEFAULT_LOCK_TIMEOUT})
  -h, --help               print this help

Exit codes:
${Object.values(PLAN_EXIT_CODES)
  .map(({ code, meaning }) => `  ${String(code).padEnd(5)}${meaning}`)
  .join("\n")}

Colour only on a terminal, never with NO_COLOR set. More: docs/offline-plan.md
`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  stack: { type: "string", multiple: true },
  jobs: { type: "string" },
  "lock-timeout": { type: "string" },
  details: { type: "boolean" },
  json: { type: "boolean" },
  "allow-replace": { type: "boolean" },
} as const;

type OptionName = keyof typeof OPTIONS;

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** The command line's options, or every problem with it (one line each). */
export function parsePlanOptions(args: readonly string[]): PlanOptions | { problems: string[] } {
  const { values, tokens } = parseArgs({
    args: [...args],
    options: OPTIONS,
    strict: false,
    tokens: true,
  });
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      problems.push(
        `Unexpected argument "${token.value}": name a stack with --stack ${token.value}.`,
      );
    } else if (token.kind !== "option") {
      continue;
    } else if (!isOptionName(token.name)) {
      problems.push(`Unknown option "${token.rawName}"; --help lists the options.`);
    } else if (OPTIONS[token.name].type === "string") {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-"))) {
        problems.push(`${token.rawName} needs a value.`);
      }
    } else if (token.inlineValue) {
      problems.push(`${token.rawName} takes no value, got "${token.value}".`);
    }
  }
  const text = (value: unknown): string | undefined =>
    typeof value === "string" && !value.startsWith("-") ? value : undefined;
  const jobsText = text(values.jobs);
  const jobs = jobsText === undefined ? undefined : Number(jobsText);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    problems.push(`--jobs must be a whole number of at least 1, got "${jobsText}".`);
  }
  const lockTimeout = text(values["lock-timeout"]) ?? DEFAULT_LOCK_TIMEOUT;
  if (!DURATION.test(lockTimeout)) {
    problems.push(`--lock-timeout must be a duration such as 0s, 30s or 5m, got "${lockTimeout}".`);
  }
  if (problems.length > 0) return { problems };
  const stacks = values.stack as string[] | undefined;
  return {
    help: values.help === true,
    stacks,
    jobs,
    lockTimeout,
    details: values.details === true,
    json: values.json === true,
    allowReplace: values["allow-replace"] === true,
  };
}

/** The exit codes of `npm run plan`, each with what it means (for --help and the docs). */
export const PLAN_EXIT_CODES = {
  planned: { code: 0, meaning: "every stack planned, nothing refused" },
  failed: {
    code: 1,
    meaning: "a stack failed to init, plan or show, or synthesis stopped (the errors are printed)",
  },
  usage: { code: 2, meaning: "bad command line: unknown option, bad value or unknown stack" },
  refused: {
    code: 3,
    meaning: "a stateful resource would be replaced or destroyed (--allow-replace accepts it)",
  },
  interrupted: {
    code: 130,
    meaning: "interrupted (Ctrl-C or SIGTERM): terraform interrupted, stand-ins stopped",
  },
} as const;

export type PlanOutcome = keyof typeof PLAN_EXIT_CODES;

/** How a run ended, from its stacks' reports: a failure outweighs a refusal. */
export function planOutcome(
  reports: readonly {
    readonly status: string;
    readonly problems: readonly { severity: string }[];
  }[],
  interrupted: boolean,
): PlanOutcome {
  if (interrupted) return "interrupted";
  if (reports.some((report) => report.status !== "planned")) return "failed";
  const refused = reports.some((r) => r.problems.some((p) => p.severity === "error"));
  return refused ? "refused" : "planned";
}

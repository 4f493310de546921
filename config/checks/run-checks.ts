import { onePerField, type ConfigProblem } from "../problems";
import type { Check, CheckedFiles } from "./check";
import { guardedProject, RejectedRead } from "./guarded-project";

/**
 * Runs one check on every environment and service whose values it reads are the user's: when
 * it reads one the schema rejected, it starts again without that environment or service. It
 * never reports on a value the user did not write, and still reports on everything else.
 */
export function runCheck(check: Check, files: CheckedFiles): ConfigProblem[] {
  const left = new Set<RejectedRead["owner"]>();
  for (;;) {
    try {
      return check(guardedProject(files, left));
    } catch (error) {
      if (!(error instanceof RejectedRead) || left.has(error.owner)) throw error;
      left.add(error.owner);
    }
  }
}

/** Every check's problems, in the order of the checks; where two report one field, the first's. */
export function runChecks(checks: readonly Check[], files: CheckedFiles): ConfigProblem[] {
  return onePerField(checks.flatMap((check) => runCheck(check, files)));
}

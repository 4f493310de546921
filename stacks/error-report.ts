import { ConfigError, formatProblem } from "../config/problems";
import { formatViolation, PolicyViolationError } from "../policy";

/**
 * Why a command stopped, one line each: a headline and every configuration problem or security
 * policy violation (all of them, for all stacks at once), or an unexpected error's message.
 * `outcome` says what the stop spared, e.g. "nothing written".
 */
export function errorReport(error: unknown, outcome: string): string[] {
  if (error instanceof ConfigError) {
    return [
      `Synthesis stopped: ${error.problems.length} configuration problem(s), ${outcome}.`,
      ...error.problems.map(formatProblem),
    ];
  }
  if (error instanceof PolicyViolationError) {
    return [
      `Synthesis stopped: ${error.violations.length} security policy violation(s), ${outcome}.`,
      ...error.violations.map(formatViolation),
    ];
  }
  return [error instanceof Error ? error.message : String(error)];
}

/** Prints the report of an error on stderr. */
export function reportError(error: unknown, outcome: string): void {
  for (const line of errorReport(error, outcome)) console.error(line);
}

/** Runs a command; if it throws, prints why and exits with code 1. */
export function exitOnError(command: () => void, outcome = "nothing written"): void {
  try {
    command();
  } catch (error) {
    reportError(error, outcome);
    process.exit(1);
  }
}

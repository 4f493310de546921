/**
 * Writes the security policy's tables into policy/README.md: the rules with their references
 * (between the `rules` markers) and the exceptions the project's stacks carry, read from a fresh
 * synthesis (between the `exceptions` markers). `npm run policy:rules`; `--check` only reports
 * whether the README is up to date (exit code 1 when it is not).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { format } from "prettier";
import { RULES } from "../policy";
import { exceptionTable } from "../policy/exception-table";
import { ruleTable } from "../policy/rule-table";
import { projectSuppressions } from "./project-suppressions";

const README = resolve(__dirname, "..", "policy", "README.md");

function between(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from)
    throw new Error(`policy/README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

async function main(): Promise<void> {
  const current = readFileSync(README, "utf8");
  const tables = between(
    between(current, "rules", ruleTable(RULES)),
    "exceptions",
    exceptionTable(projectSuppressions()),
  );
  const next = await format(tables, { parser: "markdown", filepath: README });
  if (process.argv.includes("--check")) {
    if (next !== current) {
      console.error("policy/README.md is out of date: run npm run policy:rules");
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(README, next);
  console.log("policy/README.md: rule and exception tables written");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

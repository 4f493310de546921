import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../policy";
import { ruleTable } from "../../policy/rule-table";
import { exceptionTable } from "../../policy/exception-table";
import { projectSuppressions } from "../../scripts/project-suppressions";
import { REPO_ROOT } from "../support/temp-project";

/** The cells of a Markdown table's body rows, trimmed (Prettier pads the columns). */
const rows = (markdown: string) =>
  markdown
    .split("\n")
    .filter((line) => /^\| SEC-/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );

describe("policy/README.md", () => {
  it("lists every rule as `npm run policy:rules` prints it", () => {
    const readme = readFileSync(join(REPO_ROOT, "policy", "README.md"), "utf8");
    expect(rows(readme)).toEqual(rows(ruleTable(RULES)));
    expect(rows(readme).map((row) => row[0])).toEqual(RULES.map((rule) => rule.id));
  });

  it("lists every exception of the project's stacks with its reason, as `npm run policy:rules` writes it", () => {
    const readme = readFileSync(join(REPO_ROOT, "policy", "README.md"), "utf8");
    const exceptions = readme.slice(
      readme.indexOf("<!-- exceptions:start -->"),
      readme.indexOf("<!-- exceptions:end -->"),
    );
    const rowsOf = (markdown: string) =>
      markdown
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .map((line) =>
          line
            .slice(1, -1)
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim()),
        );
    const expected = rowsOf(exceptionTable(projectSuppressions()));
    expect(expected.length).toBeGreaterThan(0);
    expect(rowsOf(exceptions)).toEqual(expected);
  });
});

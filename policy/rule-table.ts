import type { PolicyRule } from "./rule";

const ids = (list: readonly string[]) => (list.length > 0 ? list.join(", ") : "—");
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The rules as a Markdown table: id, what it checks, the reference rule sets' ids, the fix. */
export function ruleTable(rules: readonly PolicyRule[]): string {
  return [
    "| Id | Rule | checkov | tfsec / trivy | cdk-nag | Fix |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rules.map((rule) =>
      [
        rule.id,
        rule.title,
        ids(rule.references.checkov),
        ids(rule.references.trivy),
        ids(rule.references.cdkNag),
        rule.fix,
      ]
        .map(cell)
        .join(" | ")
        .replace(/^/, "| ")
        .concat(" |"),
    ),
  ].join("\n");
}

/** One suppression as synthesis records it in a stack's `//` comment. */
export interface RecordedSuppression {
  readonly path: string;
  readonly rule: string;
  readonly reason: string;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/**
 * The stacks' exceptions as a Markdown table: where (the construct path, with its stack written
 * as `<stack>` when every stack that has it shares the reason), which rule, why, and in which
 * stacks. One row per distinct path, rule and reason, in the order synthesis found them.
 */
export function exceptionTable(
  byStack: Readonly<Record<string, readonly RecordedSuppression[]>>,
): string {
  const rows = new Map<string, { where: string; rule: string; reason: string; stacks: string[] }>();
  for (const [stack, suppressions] of Object.entries(byStack)) {
    for (const { path, rule, reason } of suppressions) {
      const where = path.startsWith(`${stack}/`) ? `<stack>/${path.slice(stack.length + 1)}` : path;
      const key = `${where}\n${rule}\n${reason}`;
      const row = rows.get(key) ?? { where, rule, reason, stacks: [] };
      row.stacks.push(stack);
      rows.set(key, row);
    }
  }
  return [
    "| Where | Rule | Stacks | Why |",
    "| --- | --- | --- | --- |",
    ...[...rows.values()].map(
      (row) =>
        `| \`${cell(row.where)}\` | ${row.rule} | ${row.stacks.join(", ")} | ${cell(row.reason)} |`,
    ),
  ].join("\n");
}

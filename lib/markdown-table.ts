/** A cell's text for a Markdown table: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

/** Inline code, with a fence long enough for backticks inside. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${padding}${text}${padding}${fence}`;
}

export interface TableColumn {
  readonly title: string;
  readonly align?: "left" | "right";
}

/** A GitHub-flavoured Markdown table (Prettier aligns its columns). */
export function markdownTable(
  columns: readonly (TableColumn | string)[],
  rows: readonly (readonly string[])[],
): string {
  const specs = columns.map((c) => (typeof c === "string" ? { title: c } : c));
  const header = `| ${specs.map((c) => cell(c.title)).join(" | ")} |`;
  const rule = `| ${specs.map((c) => (c.align === "right" ? "---:" : "---")).join(" | ")} |`;
  const body = rows.map((row) => `| ${row.map(cell).join(" | ")} |`);
  return [header, rule, ...body].join("\n");
}

/** The styles the plan report uses. */
export type Style = "red" | "yellow" | "green" | "bold";

const SGR: Readonly<Record<Style, readonly [number, number]>> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  bold: [1, 22],
};

export type Paint = (style: Style, text: string) => string;

/**
 * Whether to colour what goes to a stream: only a terminal, and never when NO_COLOR is set to
 * anything but the empty string (no-color.org) or the terminal is "dumb".
 */
export function colorFor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (stream.isTTY !== true) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return env.TERM !== "dumb";
}

export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m`;
}

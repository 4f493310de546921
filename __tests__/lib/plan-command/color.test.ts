import { colorFor, painter } from "../../../lib/plan-command/color";

describe("colorFor", () => {
  const terminal = { isTTY: true };

  it("colours a terminal", () => {
    expect(colorFor(terminal, { TERM: "xterm-256color" })).toBe(true);
  });

  it("never colours a pipe or a file", () => {
    expect(colorFor({ isTTY: false }, {})).toBe(false);
    expect(colorFor({}, {})).toBe(false);
  });

  it("respects NO_COLOR when set to anything but the empty string, and a dumb terminal", () => {
    expect(colorFor(terminal, { NO_COLOR: "1" })).toBe(false);
    expect(colorFor(terminal, { NO_COLOR: "" })).toBe(true);
    expect(colorFor(terminal, { TERM: "dumb" })).toBe(false);
  });
});

describe("painter", () => {
  it("wraps text in the style's escape codes, or leaves it alone", () => {
    expect(painter(true)("red", "delete")).toBe("\u001b[31mdelete\u001b[39m");
    expect(painter(false)("red", "delete")).toBe("delete");
  });
});

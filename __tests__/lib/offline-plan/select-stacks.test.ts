import { selectStacks, UnknownStackError } from "../../../lib/offline-plan/plan-all";
import type { SynthesizedStack } from "../../../lib/offline-plan/synthesized-stack";

const stack = (name: string): SynthesizedStack => ({
  name,
  directory: `/out/stacks/${name}`,
  relativeDirectory: `stacks/${name}`,
  configFile: "cdk.tf.json",
  config: {},
});

const ALL = ["alpha", "beta", "state"].map(stack);

describe("selectStacks", () => {
  it("takes every stack in synthesis order when none is named", () => {
    expect(selectStacks(ALL, undefined).map((s) => s.name)).toEqual(["alpha", "beta", "state"]);
  });

  it("takes the stacks named, in the order given, each once", () => {
    expect(selectStacks(ALL, ["state", "alpha", "state"]).map((s) => s.name)).toEqual([
      "state",
      "alpha",
    ]);
  });

  it("refuses unknown names, naming each and the stacks there are", () => {
    const select = () => selectStacks(ALL, ["gamma", "beta", "delta"]);
    expect(select).toThrow(UnknownStackError);
    expect(select).toThrow(
      '"gamma", "delta": no such stack; the synthesized stacks are alpha, beta, state.',
    );
  });
});

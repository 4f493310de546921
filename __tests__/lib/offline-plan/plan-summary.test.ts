import { parsePlanSummary } from "../../../lib/offline-plan/plan-summary";

describe("parsePlanSummary", () => {
  it("reads Terraform's plan line", () => {
    const output = "...\n\nPlan: 59 to add, 1 to change, 2 to destroy.\n\nChanges to Outputs:\n";
    expect(parsePlanSummary(output)).toEqual({
      toImport: 0,
      toAdd: 59,
      toChange: 1,
      toDestroy: 2,
      line: "Plan: 59 to add, 1 to change, 2 to destroy.",
    });
  });

  it("reads imports when the plan has them", () => {
    expect(
      parsePlanSummary("Plan: 3 to import, 0 to add, 0 to change, 0 to destroy.")?.toImport,
    ).toBe(3);
  });

  it("reads a plan without changes as all zeros", () => {
    const summary = parsePlanSummary(
      "No changes. Your infrastructure matches the configuration.\n",
    );
    expect(summary).toMatchObject({ toAdd: 0, toChange: 0, toDestroy: 0 });
    expect(summary?.line).toBe("No changes. Your infrastructure matches the configuration.");
  });

  it("finds no summary in a failed plan's output", () => {
    expect(parsePlanSummary("Error: Error acquiring the state lock\n")).toBeUndefined();
  });
});

import { classifyActions } from "../../../lib/plan-analysis/change-action";

describe("classifyActions", () => {
  it.each([
    [["no-op"], { action: "no-op" }],
    [["create"], { action: "create" }],
    [["read"], { action: "read" }],
    [["update"], { action: "update" }],
    [["delete"], { action: "delete" }],
    [["forget"], { action: "forget" }],
  ])("reads %j as a single action", (actions, expected) => {
    expect(classifyActions(actions)).toEqual(expected);
  });

  it("reads a destroy then create as a replacement that deletes first", () => {
    expect(classifyActions(["delete", "create"])).toEqual({
      action: "replace",
      replaceOrder: "delete-before-create",
    });
  });

  it("reads a create then destroy as a create-before-destroy replacement", () => {
    expect(classifyActions(["create", "delete"])).toEqual({
      action: "replace",
      replaceOrder: "create-before-destroy",
    });
  });

  it.each([[["move"]], [[]], [["create", "update"]], [["delete", "create", "delete"]]])(
    "refuses %j, naming the actions it knows",
    (actions) => {
      expect(() => classifyActions(actions)).toThrow(
        `Unknown plan actions ${JSON.stringify(actions)}: expected one of no-op, create, read, update, delete, forget, or a replacement`,
      );
    },
  );
});

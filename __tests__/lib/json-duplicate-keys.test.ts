import { findDuplicateKeys } from "../../lib/json-duplicate-keys";

describe("findDuplicateKeys", () => {
  it("finds a key written twice in one object, which JSON.parse would silently collapse", () => {
    const text = '{ "environment": { "LOG_LEVEL": "info", "LOG_LEVEL": "debug" } }';
    expect(JSON.parse(text).environment).toEqual({ LOG_LEVEL: "debug" });
    expect(findDuplicateKeys(text)).toEqual([
      { path: ["environment", "LOG_LEVEL"], occurrences: 2 },
    ]);
  });

  it("locates duplicates inside arrays and counts every occurrence", () => {
    const text = '{"a": [1, {"b": 1, "b": 2, "b": 3}], "c": {}}';
    expect(findDuplicateKeys(text)).toEqual([{ path: ["a", 1, "b"], occurrences: 3 }]);
  });

  it("does not confuse the same key in different objects, or keys inside strings", () => {
    const text = String.raw`{"x": {"name": "a"}, "y": {"name": "b \"name\": 1"}, "name": "c"}`;
    expect(findDuplicateKeys(text)).toEqual([]);
  });

  it("reads escaped keys as JSON does", () => {
    expect(findDuplicateKeys(String.raw`{"a\u0062": 1, "ab": 2}`)).toEqual([
      { path: ["ab"], occurrences: 2 },
    ]);
  });
});

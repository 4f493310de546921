import {
  calleeUrlVariable,
  calleeUrlVariables,
  pathPrefixVariables,
} from "../../lib/service-variables";

describe("service variables", () => {
  it("names a called service's variable after it, hyphens as underscores", () => {
    expect(calleeUrlVariable("orders")).toBe("ORDERS_URL");
    expect(calleeUrlVariable("order-items")).toBe("ORDER_ITEMS_URL");
  });

  it("points each callee's variable at its API: the base URL, then its path prefix", () => {
    const callees = [{ name: "orders", routing: { pathPrefix: "/api/orders" } }, { name: "stock" }];
    expect(calleeUrlVariables(callees, (name) => `http://${name}:9000`)).toEqual({
      ORDERS_URL: "http://orders:9000/api/orders",
      STOCK_URL: "http://stock:9000",
    });
  });

  it("sets PATH_PREFIX only for a service with a path prefix", () => {
    expect(pathPrefixVariables({ name: "orders", routing: { pathPrefix: "/orders" } })).toEqual({
      PATH_PREFIX: "/orders",
    });
    expect(pathPrefixVariables({ name: "orders", routing: {} })).toEqual({});
  });
});

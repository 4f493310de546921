// The keys this service's code reads and queries by are the ones its manifest declares, which the
// stack (and npm run dev) create the table from.
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";
import { OWNER_INDEX, TABLE_KEY } from "../src/products/product-store";

const { name: SERVICE, service } = serviceUnderTest(__dirname);
const table = service.datastores.dynamodb;

describe(`the ${SERVICE} table, as the code uses it`, () => {
  it("is keyed by the partition key the code reads items by", () => {
    expect([table?.partitionKey.name, table?.sortKey?.name].filter(Boolean)).toEqual(TABLE_KEY);
  });

  it("has the index the code lists an owner's products with, keyed as the code queries it", () => {
    const index = table?.indexes.find((i) => i.name === OWNER_INDEX.name);
    expect([index?.partitionKey.name, index?.sortKey?.name]).toEqual(OWNER_INDEX.key);
    expect(index?.projection).toBe("ALL");
  });
});

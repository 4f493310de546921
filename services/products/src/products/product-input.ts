import { invalidField } from "@shop/service-platform";

/** What a client sends to create or replace a product. */
export interface ProductInput {
  readonly name: string;
  readonly price: number;
  readonly ownerId: string;
}

const FIELDS = ["name", "price", "ownerId"];
const MAX_NAME_LENGTH = 200;
const MAX_OWNER_ID_LENGTH = 100;
/** Keeps prices exact in binary floating point and in DynamoDB numbers. */
export const MAX_PRICE = 999_999_999.99;

/** Validates a request body as a product; throws a 400 HttpError naming the first bad field. */
export function parseProductInput(body: unknown): ProductInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidField(
      "body",
      "the request body must be a JSON object with name, price and ownerId",
    );
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) {
    throw invalidField(
      unknown,
      `${unknown} is not a product field: send only name, price and ownerId`,
    );
  }
  return {
    name: parseName(record.name),
    price: parsePrice(record.price),
    ownerId: parseOwnerId(record.ownerId),
  };
}

function parseName(value: unknown): string {
  if (value === undefined || value === null) throw invalidField("name", "name is required");
  if (typeof value !== "string") throw invalidField("name", "name must be a string");
  const name = value.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw invalidField("name", `name must have 1 to ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}

/** A non-negative number with at most two decimals (cents), up to MAX_PRICE. */
function parsePrice(value: unknown): number {
  if (value === undefined || value === null) throw invalidField("price", "price is required");
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidField("price", "price must be a number, e.g. 19.99");
  }
  if (value < 0 || value > MAX_PRICE) {
    throw invalidField("price", `price must be from 0 to ${MAX_PRICE}`);
  }
  if (Number(value.toFixed(2)) !== value) {
    throw invalidField("price", "price must have at most two decimals, e.g. 19.99");
  }
  return value;
}

function parseOwnerId(value: unknown): string {
  if (value === undefined || value === null) throw invalidField("ownerId", "ownerId is required");
  if (typeof value !== "string" || value.trim() === "" || value.length > MAX_OWNER_ID_LENGTH) {
    throw invalidField("ownerId", "ownerId must be the id of a user, as a string");
  }
  return value.trim();
}

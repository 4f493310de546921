import { invalidField } from "@shop/service-platform";

const FIELDS = ["name"];
const MAX_NAME_LENGTH = 200;

/** Validates a request body as an item; throws a 400 HttpError naming the bad field. */
export function parseItemInput(body: unknown): { readonly name: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidField("body", "the request body must be a JSON object with name");
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) {
    throw invalidField(unknown, `${unknown} is not an item field: send only name`);
  }
  const { name } = record;
  if (name === undefined || name === null) throw invalidField("name", "name is required");
  if (typeof name !== "string") throw invalidField("name", "name must be a string");
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) {
    throw invalidField("name", `name must have 1 to ${MAX_NAME_LENGTH} characters`);
  }
  return { name: trimmed };
}

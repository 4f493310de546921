import { invalidField } from "@shop/service-platform";

/** What a client sends to create or replace a user. */
export interface UserInput {
  readonly name: string;
  readonly email: string;
}

const FIELDS = ["name", "email"];
const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;
/** Something@something.tld, no spaces: deliverability is the mail server's business, not ours. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Validates a request body as a user; throws a 400 HttpError naming the first bad field. */
export function parseUserInput(body: unknown): UserInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidField("body", "the request body must be a JSON object with name and email");
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) {
    throw invalidField(unknown, `${unknown} is not a user field: send only name and email`);
  }
  return { name: parseName(record.name), email: parseEmail(record.email) };
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

function parseEmail(value: unknown): string {
  if (value === undefined || value === null) throw invalidField("email", "email is required");
  if (typeof value !== "string") throw invalidField("email", "email must be a string");
  const email = value.trim();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw invalidField("email", "email must be an email address such as ada@example.com");
  }
  return email;
}

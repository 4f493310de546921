/**
 * Heuristics for secrets written as plain environment variables, where anyone who can read the
 * task definition (or the repository) can read them. Each returns why the value looks secret.
 */

/** Names whose last words say the value is a credential: DB_PASSWORD, JWT_SECRET, STRIPE_API_KEY. */
const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|PASSPHRASE|PWD|SECRET|SECRET_KEY|CLIENT_SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|ACCESS_KEY_ID|CREDENTIALS?)$/i;

const KNOWN_FORMATS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/, what: "an AWS access key ID" },
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: "a private key" },
  {
    pattern: /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}$|^github_pat_[A-Za-z0-9_]{30,}$/,
    what: "a GitHub token",
  },
  { pattern: /^xox[abprs]-[A-Za-z0-9-]{10,}$/, what: "a Slack token" },
  { pattern: /^(sk|rk)_(live|test)_[A-Za-z0-9]{16,}$/, what: "a Stripe secret key" },
  { pattern: /^AIza[A-Za-z0-9_-]{35}$/, what: "a Google API key" },
  { pattern: /^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, what: "a JSON Web Token" },
];

/** Random-looking tokens: long, one "word" of base64/base62 characters in mixed case. */
const TOKEN_ALPHABET = /^[A-Za-z0-9+/=_-]+$/;
const MIN_TOKEN_LENGTH = 20;
const MIN_TOKEN_ENTROPY_BITS = 3.5;
const MAX_MEAN_LOWERCASE_RUN = 2.5;

/** Shannon entropy of the characters of a string, in bits per character. */
export function entropyBitsPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * The average length of the runs of lowercase letters: words written in camel case have long
 * runs ("ProductsService": 7, 6), random text short ones (about 1.7 for base62).
 */
export function meanLowercaseRun(value: string): number {
  const runs = value.match(/[a-z]+/g) ?? [];
  return runs.length === 0 ? 0 : runs.reduce((sum, run) => sum + run.length, 0) / runs.length;
}

function looksRandom(value: string): boolean {
  return (
    value.length >= MIN_TOKEN_LENGTH &&
    TOKEN_ALPHABET.test(value) &&
    /[a-z]/.test(value) &&
    /[A-Z]/.test(value) &&
    entropyBitsPerChar(value) >= MIN_TOKEN_ENTROPY_BITS &&
    meanLowercaseRun(value) <= MAX_MEAN_LOWERCASE_RUN
  );
}

/**
 * Why an environment variable looks like it carries a secret, or undefined when it does not.
 * An empty value is never a secret.
 */
export function secretSuspicion(name: string, value: string): string | undefined {
  if (value.length === 0) return undefined;
  const format = KNOWN_FORMATS.find(({ pattern }) => pattern.test(value));
  if (format) return `the value looks like ${format.what}`;
  if (SECRET_NAME.test(name)) return "its name says it is a secret";
  if (looksRandom(value)) return "the value looks like a random token";
  return undefined;
}

/** A secret shown in an error message without revealing it: its first characters at most. */
export function maskSecret(value: string): string {
  return value.length >= 16
    ? `"${value.slice(0, 4)}…" (${value.length} characters)`
    : `a ${value.length}-character value`;
}

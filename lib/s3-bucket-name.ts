/**
 * The S3 bucket naming rules a pattern cannot express readably: the character set and length
 * (3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)
 * are in the schema; these are the rest. Each entry says what is wrong when it matches.
 */
const BUCKET_NAME_RULES: readonly {
  readonly broken: (name: string) => boolean;
  readonly why: string;
}[] = [
  { broken: (name) => name.includes(".."), why: "has two adjacent dots" },
  { broken: (name) => /\.-|-\./.test(name), why: "has a dot next to a hyphen" },
  {
    broken: (name) => /^\d{1,3}(\.\d{1,3}){3}$/.test(name),
    why: "is formatted as an IP address",
  },
  ...["xn--", "sthree-", "amzn-s3-demo-"].map((prefix) => ({
    broken: (name: string) => name.startsWith(prefix),
    why: `starts with the reserved prefix "${prefix}"`,
  })),
  ...["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].map((suffix) => ({
    broken: (name: string) => name.endsWith(suffix),
    why: `ends with the reserved suffix "${suffix}"`,
  })),
];

/** Why S3 would refuse a bucket name that passes the character and length rules, if it would. */
export function bucketNameProblem(name: string): string | undefined {
  return BUCKET_NAME_RULES.find((rule) => rule.broken(name))?.why;
}

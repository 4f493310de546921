/** The fields of an Amazon Resource Name: arn:partition:service:region:account:resource. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its fields; undefined when the text is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}

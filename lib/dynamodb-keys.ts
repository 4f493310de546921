/** DynamoDB key attribute types: string, number, binary. */
export const DYNAMODB_ATTRIBUTE_TYPES = ["S", "N", "B"] as const;
export type DynamodbAttributeType = (typeof DYNAMODB_ATTRIBUTE_TYPES)[number];

/** What a global secondary index copies from the table. */
export const DYNAMODB_PROJECTIONS = ["ALL", "KEYS_ONLY"] as const;
export type DynamodbProjection = (typeof DYNAMODB_PROJECTIONS)[number];

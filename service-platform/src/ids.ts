const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id has the shape of the UUIDs the services give their records. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}

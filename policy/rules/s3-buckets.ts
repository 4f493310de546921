import type { InspectedElement, StackInventory } from "../inventory";

/** The elements configuring a bucket: resources whose `bucket` names it, by reference or by name. */
export function bucketConfigurations(
  bucket: InspectedElement,
  inventory: StackInventory,
  type: string,
): InspectedElement[] {
  const names = [bucket.attributes.bucket].filter((name) => typeof name === "string");
  return inventory.attachedTo(type, "bucket", bucket, names);
}

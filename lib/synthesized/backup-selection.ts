import { blocks, type ResourceIndex, type SynthesizedResource } from "./stack-resources";

/**
 * The resources an `aws_backup_selection` picks: those tagged as its `aws:ResourceTag/<key>`
 * conditions say, and those its `resources` list names directly.
 */
export function selectedResources(
  index: ResourceIndex,
  selection: SynthesizedResource,
): SynthesizedResource[] {
  const tagConditions = blocks(selection.body.condition).flatMap((c) =>
    blocks(c.string_equals).map((e) => ({
      key: String(e.key).replace(/^aws:ResourceTag\//, ""),
      value: String(e.value),
    })),
  );
  const byTag = index.all.filter((r) => {
    const tags = r.body.tags as Record<string, unknown> | undefined;
    return tags !== undefined && tagConditions.some((c) => tags[c.key] === c.value);
  });
  const byReference = index.referencedBy(selection.body.resources);
  return [...new Set([...byTag, ...byReference])];
}

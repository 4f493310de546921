/**
 * Blocks of a Markdown file that a script writes, between two HTML comments that name the block
 * and the command that regenerates it; everything outside the markers is left as written.
 */
export interface GeneratedBlock {
  /** Identifies the block within its file, e.g. "module-api". */
  readonly name: string;
  /** The command that writes it, shown in the marker, e.g. "npm run docs". */
  readonly command: string;
}

function beginMarker(block: GeneratedBlock): string {
  return `<!-- BEGIN GENERATED ${block.name}: written by \`${block.command}\`, do not edit -->`;
}

function endMarker(block: GeneratedBlock): string {
  return `<!-- END GENERATED ${block.name} -->`;
}

/** The block with its markers, ready to be written into a file. */
export function wrapGeneratedBlock(block: GeneratedBlock, content: string): string {
  return `${beginMarker(block)}\n\n${content.trim()}\n\n${endMarker(block)}`;
}

function markerPositions(text: string, block: GeneratedBlock): [number, number] | undefined {
  const beginPattern = new RegExp(`<!-- BEGIN GENERATED ${block.name}:[^>]*-->`);
  const begin = beginPattern.exec(text);
  const end = text.indexOf(endMarker(block));
  if (!begin && end < 0) return undefined;
  if (!begin || end < begin.index) {
    throw new Error(
      `the markers of the generated block "${block.name}" are incomplete or out of order; expected ${beginMarker(block)} … ${endMarker(block)}`,
    );
  }
  return [begin.index, end + endMarker(block).length];
}

export function hasGeneratedBlock(text: string, block: GeneratedBlock): boolean {
  return markerPositions(text, block) !== undefined;
}

/**
 * The text with the block's content replaced. A text without the block gets it appended at the
 * end, unless `required` (a README whose place for the block must be chosen by its author).
 */
export function replaceGeneratedBlock(
  text: string,
  block: GeneratedBlock,
  content: string,
  options: { readonly required?: boolean } = {},
): string {
  const positions = markerPositions(text, block);
  const wrapped = wrapGeneratedBlock(block, content);
  if (!positions) {
    if (options.required) {
      throw new Error(
        `no generated block "${block.name}"; put the lines ${beginMarker(block)} and ${endMarker(block)} where it belongs`,
      );
    }
    return `${text.trimEnd()}\n\n${wrapped}\n`;
  }
  const [start, end] = positions;
  return text.slice(0, start) + wrapped + text.slice(end);
}

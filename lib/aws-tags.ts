/** AWS tagging rules shared by every taggable resource. */
export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

/** Letters, digits and spaces in any script, and _ . : / = + - @ */
const TAG_CHARACTER = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
export const TAG_CHARACTERS_DESCRIPTION = "letters, digits, spaces and _ . : / = + - @";

/** Why AWS would refuse a tag key, if it would. */
export function tagKeyProblem(key: string): string | undefined {
  if (key.length === 0) return "is empty";
  if (key.length > MAX_TAG_KEY_LENGTH)
    return `is ${key.length} characters long, more than the ${MAX_TAG_KEY_LENGTH} AWS allows`;
  if (/^aws:/i.test(key)) return 'starts with "aws:", which AWS reserves for its own tags';
  return characterProblem(key);
}

/** Why AWS would refuse a tag value, if it would. */
export function tagValueProblem(value: string): string | undefined {
  if (value.length > MAX_TAG_VALUE_LENGTH)
    return `is ${value.length} characters long, more than the ${MAX_TAG_VALUE_LENGTH} AWS allows`;
  return characterProblem(value);
}

function characterProblem(text: string): string | undefined {
  const refused = [...new Set([...text].filter((char) => !TAG_CHARACTER.test(char)))];
  if (refused.length === 0) return undefined;
  return `has ${refused.map((char) => JSON.stringify(char)).join(", ")}, which AWS does not allow in tags`;
}

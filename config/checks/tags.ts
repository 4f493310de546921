import {
  MAX_TAGS_PER_RESOURCE,
  tagKeyProblem,
  tagValueProblem,
  TAG_CHARACTERS_DESCRIPTION,
} from "../../lib/aws-tags";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/**
 * Tags the stack sets itself: on every resource (the provider's default tags in main.ts) and on
 * many resources (Name, and Service or Tier where they apply). A user tag of the same key would
 * silently lose to them on some resources and win on others.
 */
export const PROJECT_TAG_KEYS = ["Project", "Environment", "ManagedBy", "Name", "Service", "Tier"];

/** Tags fit AWS's rules for every resource they land on, next to the stack's own tags. */
export const checkTags: Check = ({ environments }) =>
  environments.flatMap((env) => {
    const problems: ConfigProblem[] = [];
    const entries = Object.entries(env.tags);
    const budget = MAX_TAGS_PER_RESOURCE - PROJECT_TAG_KEYS.length;
    if (entries.length > budget) {
      problems.push({
        file: env.file,
        path: "$.tags",
        message: `has ${entries.length} tags, and with the ${PROJECT_TAG_KEYS.length} the stack adds a resource would carry ${entries.length + PROJECT_TAG_KEYS.length}, over AWS's ${MAX_TAGS_PER_RESOURCE}; expected at most ${budget}`,
      });
    }
    for (const [key, value] of entries) {
      const path = jsonPath(["tags", key]);
      const keyProblem = tagKeyProblem(key);
      const valueProblem = tagValueProblem(value);
      if (PROJECT_TAG_KEYS.includes(key)) {
        problems.push({
          file: env.file,
          path,
          message: `${quote(key)} is a tag the stack sets itself; expected another key (the stack's tags are ${PROJECT_TAG_KEYS.join(", ")})`,
        });
      } else if (keyProblem) {
        problems.push({
          file: env.file,
          path,
          message: `${quote(key)} ${keyProblem}; expected a key of only ${TAG_CHARACTERS_DESCRIPTION}, not starting with "aws:"`,
        });
      } else if (valueProblem) {
        problems.push({
          file: env.file,
          path,
          message: `${quote(value)} ${valueProblem}; expected only ${TAG_CHARACTERS_DESCRIPTION}`,
        });
      }
    }
    return problems;
  });

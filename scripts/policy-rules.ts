/** Prints the security policy's rule table (Markdown), as policy/README.md shows it. `npm run policy:rules`. */
import { RULES } from "../policy";
import { ruleTable } from "../policy/rule-table";

console.log(ruleTable(RULES));

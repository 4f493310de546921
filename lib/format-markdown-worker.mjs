// Formats Markdown with the project's Prettier settings, in a process of its own: Prettier 3 loads
// its parsers with dynamic import(), which Jest's module sandbox does not allow.
// stdin: [{ "text", "filePath" }, …]  stdout: ["formatted text", …]
import { format, resolveConfig } from "prettier";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const documents = JSON.parse(input);
const formatted = await Promise.all(
  documents.map(async ({ text, filePath }) => {
    const options = (await resolveConfig(filePath)) ?? {};
    return format(text, { ...options, filepath: filePath, parser: "markdown" });
  }),
);
process.stdout.write(JSON.stringify(formatted));

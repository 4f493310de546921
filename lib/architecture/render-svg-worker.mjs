// Lays out DOT documents with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz), in a
// process of its own: the package is an ES module, which Jest's CommonJS sandbox cannot load.
// stdin: ["digraph …", …]  stdout: { "version": "…", "svgs": ["<svg …", …] }
import { Graphviz } from "@hpcc-js/wasm-graphviz";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const graphviz = await Graphviz.load();
const svgs = JSON.parse(input).map((dot) => graphviz.dot(dot));
process.stdout.write(JSON.stringify({ version: graphviz.version(), svgs }));

/** The data stores a new service can start with. */
export const DATASTORES = ["postgres", "dynamodb", "none"] as const;
export type Datastore = (typeof DATASTORES)[number];

export interface NewServiceRequest {
  readonly name: string;
  readonly datastore: Datastore;
  readonly calls: readonly string[];
}

export const USAGE = `Usage: npm run new-service -- <name> [--datastore postgres|dynamodb|none] [--calls <service>,...]

Writes services/<name>: a manifest (a free port, listener port, path prefix and rule priority),
a Fastify service with /health, /ready and an example resource (items) kept in its data store,
its test, Dockerfile, .dockerignore, package.json and lockfile; and adds it to the root
package-lock.json. Nothing is written unless all of it can be.

  <name>         2 to 28 lowercase letters, digits and single hyphens, starting with a letter
  --datastore    postgres (its own RDS database), dynamodb (its own table) or none (default)
  --calls        services it calls; each one's API URL is given to it as <NAME>_URL`;

export type ParsedArguments =
  | { readonly help: true }
  | { readonly help: false; readonly request: NewServiceRequest; readonly problems: string[] };

/** Reads the command line, collecting every problem rather than stopping at the first. */
export function parseArguments(args: readonly string[]): ParsedArguments {
  if (args.includes("--help") || args.includes("-h")) return { help: true };
  const problems: string[] = [];
  const names: string[] = [];
  let datastore: Datastore = "none";
  let calls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [option, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? (args[i + 1]?.startsWith("-") ? undefined : args[++i]);
    if (option === "--datastore") {
      const given = value();
      if (given !== undefined && (DATASTORES as readonly string[]).includes(given)) {
        datastore = given as Datastore;
      } else {
        problems.push(
          `--datastore ${given === undefined ? "needs a value" : `"${given}" is not a data store`}: expected ${DATASTORES.join(", ")}`,
        );
      }
    } else if (option === "--calls") {
      const given = value();
      calls = (given ?? "").split(",").map((callee) => callee.trim());
      if (given === undefined || calls.some((callee) => callee === "")) {
        problems.push(
          "--calls needs a comma-separated list of services, e.g. --calls orders,payments",
        );
        calls = calls.filter((callee) => callee !== "");
      }
    } else if (arg.startsWith("-")) {
      problems.push(`unknown option ${option}: expected --datastore, --calls or --help`);
    } else {
      names.push(arg);
    }
  }
  if (names.length === 0)
    problems.push("the new service's name is missing: npm run new-service -- <name>");
  if (names.length > 1) {
    problems.push(`one name expected, got ${names.map((n) => `"${n}"`).join(", ")}`);
  }
  return { help: false, request: { name: names[0] ?? "", datastore, calls }, problems };
}

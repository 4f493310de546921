// A small project to run `npm run plan` on as a user would: its own configuration (one
// environment, one service), this repository's code.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dir";
import { copySharedBuildContexts, REPO_ROOT } from "./temp-project";

/** The fixture's only environment (and stack besides the state stack) and service. */
export const FIXTURE_ENVIRONMENT = "qa";
const FIXTURE_SERVICE = "ledger";
export const FIXTURE_LOCK_TABLE = "fixture-plan-locks";

export interface PlanProjectConfig {
  /** How the environment locks its state: a DynamoDB table (created by the state stack) or S3. */
  readonly lock: "dynamodb" | "s3";
}

/** Writes (or rewrites) the fixture's configuration files. */
export function writePlanProjectConfig(root: string, config: PlanProjectConfig): void {
  const environment = {
    name: FIXTURE_ENVIRONMENT,
    project: "fixture",
    production: false,
    region: "us-east-1",
    azs: ["us-east-1a", "us-east-1b"],
    vpc: { cidr: "10.20.0.0/16", natStrategy: "single" },
    routing: { style: "path" },
    state:
      config.lock === "dynamodb"
        ? { bucket: "fixture-plan-state", lock: "dynamodb", dynamodbTable: FIXTURE_LOCK_TABLE }
        : { bucket: "fixture-plan-state", lock: "s3" },
  };
  const service = {
    name: FIXTURE_SERVICE,
    port: 8000,
    healthCheck: { path: "/health" },
    cpu: 256,
    memory: 512,
    desiredCount: 1,
    routing: { pathPrefix: `/${FIXTURE_SERVICE}`, priority: 100 },
  };
  const serviceDir = join(root, "services", FIXTURE_SERVICE);
  mkdirSync(join(root, "environments"), { recursive: true });
  mkdirSync(serviceDir, { recursive: true });
  writeFileSync(
    join(root, "environments", `${FIXTURE_ENVIRONMENT}.json`),
    JSON.stringify(environment, null, 2),
  );
  writeFileSync(join(serviceDir, "service.json"), JSON.stringify(service, null, 2));
  writeFileSync(join(serviceDir, "Dockerfile"), "FROM scratch\n");
}

/**
 * A temporary project with the fixture configuration, a package.json holding this repository's
 * `plan` and `terraform-cli-config` scripts, and its scripts folder linked in.
 */
export function planProject(config: PlanProjectConfig): string {
  const root = tempDir("plan-project-");
  writePlanProjectConfig(root, config);
  copySharedBuildContexts(root);
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
  const packageJson = {
    name: "plan-fixture",
    private: true,
    scripts: { plan: scripts.plan, "terraform-cli-config": scripts["terraform-cli-config"] },
  };
  writeFileSync(join(root, "package.json"), JSON.stringify(packageJson, null, 2));
  symlinkSync(join(REPO_ROOT, "scripts"), join(root, "scripts"), "dir");
  return root;
}

export interface CommandResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningCommand {
  /** The command's pid, also the id of the process group it leads. */
  readonly pid: number;
  readonly exited: Promise<CommandResult>;
}

/** The commands started here and still running, by pid, with their exit. */
const running = new Map<number, Promise<unknown>>();

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Stops every command started here that is still running (a test that failed half-way): SIGTERM,
 * which lets the plan stop terraform and the stand-ins and remove its temporary folders, then
 * SIGKILL for what is left after `graceMs`.
 */
export async function stopRunningCommands(graceMs = 30_000): Promise<void> {
  const exits = [...running].map(([pid, exited]) => {
    signalGroup(pid, "SIGTERM");
    const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs);
    return exited.finally(() => clearTimeout(timer));
  });
  await Promise.allSettled(exits);
}

process.on("exit", () => {
  for (const pid of running.keys()) signalGroup(pid, "SIGKILL");
});

/** How long a command may run before the test gives up on it and kills it. */
const COMMAND_LIMIT_MS = 240_000;

/** `npm run --silent <script> -- <args>`: the command as users type it. */
export function npmScript(script: string, args: readonly string[]): string[] {
  return ["npm", "run", "--silent", script, "--", ...args];
}

/**
 * The project's script itself, without npm: npm dies of a SIGINT it was sent (its shell then says
 * 130) whatever the script's own exit code, so only the script shows that code.
 */
export function packageScript(root: string, script: string, args: readonly string[]): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return [...String(scripts[script]).split(" "), ...args];
}

/** Starts a command in `root`, in a process group of its own, as a terminal would. */
export function startCommand(
  root: string,
  [command, ...args]: readonly string[],
  env: NodeJS.ProcessEnv = {},
): RunningCommand {
  const child = spawn(command as string, args, {
    cwd: root,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid as number;
  const limit = setTimeout(() => signalGroup(pid, "SIGKILL"), COMMAND_LIMIT_MS).unref();
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<CommandResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(limit);
      running.delete(pid);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
  running.set(pid, exited);
  return { pid, exited };
}

/** Runs a command in `root` to its end. */
export function runCommand(
  root: string,
  command: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CommandResult> {
  return startCommand(root, command, env).exited;
}

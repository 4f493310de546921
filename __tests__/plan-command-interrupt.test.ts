// `npm run plan` as a process while the fixture's state stack cannot get its state lock (held by
// another terraform): --lock-timeout, --jobs, and Ctrl-C (SIGINT to the process group).
import { connect } from "node:net";
import { basename, dirname, join } from "node:path";
import { PLAN_EXIT_CODES } from "../lib/plan-command/exit-codes";
import { holdLocalStateLock, type HeldLock } from "./support/local-state-lock";
import {
  FIXTURE_ENVIRONMENT,
  planProject,
  npmScript,
  runCommand,
  packageScript,
  startCommand,
  stopRunningCommands,
} from "./support/plan-project";
import { pollUntil } from "./support/poll";
import { processTree, isRunning, listeningPorts, type ProcessInfo } from "./support/process-tree";

/** The state stack first: it waits for its lock while the other may run. */
const BOTH_STACKS = ["--stack", "state", "--stack", FIXTURE_ENVIRONMENT];

/** A terraform process of the run: the stack whose working copy it runs in, and its command. */
interface TerraformProcess {
  readonly pid: number;
  readonly stack: string;
  readonly command: string;
}

function terraformProcesses(processes: readonly ProcessInfo[]): TerraformProcess[] {
  return processes
    .filter((p) => p.name === "terraform" && p.cwd !== undefined)
    .filter((p) => basename(dirname(p.cwd as string)) === "stacks")
    .map((p) => ({ pid: p.pid, stack: basename(p.cwd as string), command: p.args[1] ?? "" }));
}

function planProcess(processes: readonly ProcessInfo[]): ProcessInfo | undefined {
  return processes.find((p) => p.name === "node" && p.args.some((a) => a.endsWith("plan.ts")));
}

function portState(port: number): Promise<"open" | "refused"> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("open");
    });
    socket.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNREFUSED" ? resolve("refused") : reject(error),
    );
  });
}

describe("npm run plan while the state stack's lock is held", () => {
  let root: string;
  let lock: HeldLock;

  beforeAll(async () => {
    root = planProject({ lock: "s3" });
    lock = await holdLocalStateLock(join(root, "terraform.state.tfstate"));
  }, 60_000);

  afterEach(() => stopRunningCommands(), 60_000);
  afterAll(() => lock?.release(), 60_000);

  it("--lock-timeout 0s: the stack fails at once with terraform's lock error, exit 1", async () => {
    const run = await runCommand(
      root,
      npmScript("plan", ["--stack", "state", "--lock-timeout", "0s"]),
    );
    expect(run.code).toBe(PLAN_EXIT_CODES.failed.code);
    expect(run.stderr).toMatch(/^state: terraform plan failed \(init [\d.]+ s, plan [\d.]+ s\)$/m);
    expect(run.stderr).toContain("Error acquiring the state lock");
    expect(run.stdout).toMatch(/^0 of 1 stack\(s\) planned in [\d.]+ s\.$/m);
  }, 120_000);

  it("--jobs 1: the next stack starts only once the first is done", async () => {
    const run = startCommand(
      root,
      npmScript("plan", [...BOTH_STACKS, "--jobs", "1", "--lock-timeout", "1s"]),
    );
    const ended = run.exited.then((r) => `the plan ended first (exit ${r.code}):\n${r.stderr}`);
    let sawStatePlan = false;
    let overlap: string | undefined;
    await pollUntil(
      "a terraform of the second stack",
      () => {
        const stacks = terraformProcesses(processTree(run.pid));
        if (stacks.some((p) => p.stack === "state" && p.command === "plan")) sawStatePlan = true;
        if (
          stacks.some((p) => p.stack === "state") &&
          stacks.some((p) => p.stack === FIXTURE_ENVIRONMENT)
        ) {
          overlap = JSON.stringify(stacks);
        }
        return stacks.some((p) => p.stack === FIXTURE_ENVIRONMENT) || undefined;
      },
      { ended },
    );
    process.kill(-run.pid, "SIGINT");
    const result = await run.exited;

    expect({ sawStatePlan, overlap }).toEqual({ sawStatePlan: true, overlap: undefined });
    // npm passes the interruption on by dying of it: the shell reports 130.
    expect(result).toMatchObject({ code: null, signal: "SIGINT" });
    expect(result.stderr).toContain("Error acquiring the state lock");
    expect(result.stderr).toMatch(
      new RegExp(`^${FIXTURE_ENVIRONMENT}: interrupted at terraform (init|plan)$`, "m"),
    );
  }, 120_000);

  it("--jobs 2 plans both stacks at once; Ctrl-C stops terraform and the stand-ins, leaves nothing running, exit 130", async () => {
    const run = startCommand(
      root,
      packageScript(root, "plan", [...BOTH_STACKS, "--jobs", "2", "--lock-timeout", "5m"]),
    );
    const ended = run.exited.then((r) => `the plan ended first (exit ${r.code}):\n${r.stderr}`);
    const seen = new Map<number, ProcessInfo>();
    const { ports } = await pollUntil(
      "the state stack's plan waiting for its lock while the other stack plans with its provider",
      () => {
        const processes = processTree(run.pid);
        for (const p of processes) seen.set(p.pid, p);
        const stacks = terraformProcesses(processes);
        const waiting = stacks.some((p) => p.stack === "state" && p.command === "plan");
        const planning = stacks.some(
          (p) => p.stack === FIXTURE_ENVIRONMENT && p.command === "plan",
        );
        const provider = processes.some((p) => p.name.startsWith("terraform-prov"));
        const planner = planProcess(processes);
        if (!waiting || !planning || !provider || planner === undefined) return;
        return { ports: listeningPorts(planner.pid) };
      },
      { ended },
    );
    expect(ports).toHaveLength(2); // the S3 and DynamoDB stand-ins

    process.kill(-run.pid, "SIGINT");
    const result = await run.exited;

    expect(result).toMatchObject({ code: PLAN_EXIT_CODES.interrupted.code, signal: null });
    expect(result.stderr).toContain(
      "SIGINT: interrupting terraform, then stopping the emulators...",
    );
    expect(result.stderr).toMatch(/^state: interrupted at terraform plan$/m);
    const left = await pollUntil(
      "every process of the run gone",
      () => {
        const running = [...seen.values()].filter((p) => isRunning(p.pid));
        return running.length === 0 ? running : undefined;
      },
      { timeoutMs: 15_000 },
    ).catch(() => [...seen.values()].filter((p) => isRunning(p.pid)));
    expect(left.map((p) => `${p.pid} ${p.args.join(" ")}`)).toEqual([]);
    expect(await Promise.all(ports.map(portState))).toEqual(["refused", "refused"]);
  }, 120_000);
});

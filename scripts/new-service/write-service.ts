import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as prettier from "prettier";
import { SERVICES_DIR } from "../../config/load";
import { serviceLockfile, type Lockfile } from "../lockfiles/service-lockfile";
import { writePackageLock } from "../lockfiles/write-package-lock";
import { workspaceFolders } from "./project-packages";

const FORMATTED = /\.(ts|json|md)$/;

async function formatted(root: string, target: string, path: string, text: string) {
  if (!FORMATTED.test(path)) return text;
  const options = await prettier.resolveConfig(join(root, target, path));
  return prettier.format(text, { ...options, filepath: path });
}

/** Runs a command, turning its failure into an error that says what failed and what it printed. */
function run(what: string, command: string, args: readonly string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${what} failed:\n${String(stdout ?? "")}${String(stderr ?? error)}`.trim());
  }
}

/** The root package-lock.json with the new workspace in it, worked out apart from the project. */
function rootLockfileWith(root: string, serviceDir: string, packageJson: string): string {
  const work = mkdtempSync(join(tmpdir(), "new-service-lock-"));
  try {
    for (const file of ["package.json", "package-lock.json"]) {
      copyFileSync(join(root, file), join(work, file));
    }
    for (const folder of workspaceFolders(root)) {
      if (!existsSync(join(root, folder, "package.json"))) continue;
      mkdirSync(join(work, folder), { recursive: true });
      copyFileSync(join(root, folder, "package.json"), join(work, folder, "package.json"));
    }
    mkdirSync(join(work, serviceDir), { recursive: true });
    writeFileSync(join(work, serviceDir, "package.json"), packageJson);
    writePackageLock(work, "the root package-lock.json");
    return readFileSync(join(work, "package-lock.json"), "utf8");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes services/<name> and the root package-lock.json that includes it, or nothing: the folder
 * is prepared (formatted, its lockfile written, built: compiled and type-checked) in a staging
 * folder of the project,
 * then moved into place, then the root lockfile replaced; a failure at any step, or Ctrl-C, undoes
 * the steps before it.
 */
export async function writeService(
  root: string,
  name: string,
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const serviceDir = `${SERVICES_DIR}/${name}`;
  const target = join(root, serviceDir);
  const staging = mkdtempSync(join(root, ".new-service-"));
  const staged = join(staging, name);
  let moved = false;
  const undo = () => {
    if (moved) rmSync(target, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  };
  const interrupted = () => {
    undo();
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(staged, path)), { recursive: true });
      writeFileSync(join(staged, path), await formatted(root, serviceDir, path, text));
    }
    const packageJson = readFileSync(join(staged, "package.json"), "utf8");
    const rootLock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as Lockfile;
    writeFileSync(
      join(staged, "package-lock.json"),
      serviceLockfile(rootLock, serviceDir, JSON.parse(packageJson)),
    );
    const newRootLock = rootLockfileWith(root, serviceDir, packageJson);
    run(
      `building ${serviceDir}`,
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", join(staged, "tsconfig.json")],
      root,
    );

    renameSync(staged, target);
    moved = true;
    const lockTemp = join(staging, "package-lock.json");
    writeFileSync(lockTemp, newRootLock);
    renameSync(lockTemp, join(root, "package-lock.json"));
    rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    undo();
    throw error;
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}

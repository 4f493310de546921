import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadProject } from "../../config/load";
import { ConfigError, formatProblem } from "../../config/problems";
import { copySharedBuildContexts, REPO_ROOT } from "./temp-project";

export type JsonEdit = (json: Record<string, any>) => void;

export interface ConfigProjectOptions {
  /** Edits to the JSON files copied from the repository, by path. */
  readonly edit?: Record<string, JsonEdit>;
  /** Files written as given (created or replaced), by path. */
  readonly write?: Record<string, string>;
}

/** When the copied files were last modified; each edit comes a second after the one before. */
const COPIED_AT = new Date("2024-01-01T00:00:00Z").getTime() / 1000;

/**
 * A temp dir holding a copy of the repository's configuration (environments and manifests only,
 * and the source of the folders every image is built with, which image tags hash), with edits
 * applied: the starting point of every "this mistake gives this message" test. The copies all
 * have one modification time, each edited or written file a later one, in the order given, so the
 * file edited last is the one a clash is reported at (the project is no git checkout).
 */
export function configProject({ edit = {}, write = {} }: ConfigProjectOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), "config-"));
  cpSync(join(REPO_ROOT, "environments"), join(root, "environments"), { recursive: true });
  for (const service of ["users", "products"]) {
    cpSync(
      join(REPO_ROOT, "services", service, "service.json"),
      join(root, "services", service, "service.json"),
    );
  }
  copySharedBuildContexts(root);
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    utimesSync(join(root, file), COPIED_AT, COPIED_AT);
  }
  let editedAt = COPIED_AT;
  const stamp = (path: string) => utimesSync(path, ++editedAt, editedAt);
  for (const [file, change] of Object.entries(edit)) {
    const path = join(root, file);
    const json = JSON.parse(readFileSync(path, "utf8"));
    change(json);
    writeFileSync(path, JSON.stringify(json, null, 2));
    stamp(path);
  }
  for (const [file, text] of Object.entries(write)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
    stamp(join(root, file));
  }
  return root;
}

/** The problem lines loadProject reports for a project; fails when it accepts the project. */
export function problemsOf(root: string): string[] {
  try {
    loadProject(root);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}

/** The repository's manifest of a service, as JSON text with edits applied. */
export function manifestText(service: string, change: JsonEdit = () => {}): string {
  const json = JSON.parse(
    readFileSync(join(REPO_ROOT, "services", service, "service.json"), "utf8"),
  );
  change(json);
  return JSON.stringify(json, null, 2);
}

import { execFileSync } from "node:child_process";

/** Runs git in a folder, unaffected by the variables of any repository the tests run in. */
function git(root: string, args: readonly string[]): void {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")),
  );
  execFileSync("git", args, { cwd: root, env, stdio: "ignore" });
}

/** Makes the folder a git checkout whose one commit holds everything in it. */
export function commitAll(root: string): void {
  git(root, ["init", "--quiet"]);
  git(root, ["add", "--all"]);
  git(root, [
    "-c",
    "user.name=Config Tests",
    "-c",
    "user.email=config-tests@example.com",
    "-c",
    "commit.gpgsign=false",
    "commit",
    "--quiet",
    "--message=committed state",
  ]);
}

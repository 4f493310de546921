// `npm run terraform-cli-config` as a user runs it, on a fixture project.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { npmScript, planProject, runCommand } from "./support/plan-project";
import { editJson } from "./support/temp-project";

describe("npm run terraform-cli-config (a process, on a fixture project)", () => {
  it("writes the project's CLI configuration and prints the line that uses it", async () => {
    const root = planProject({ lock: "s3" });
    const run = await runCommand(root, npmScript("terraform-cli-config", []));
    expect(run.code).toBe(0);

    const match = /^export TF_CLI_CONFIG_FILE="(.+)"\n$/.exec(run.stdout);
    const configFile = match?.[1] ?? "";
    expect(configFile).toMatch(
      new RegExp(`^${join(root, ".terraform-cli")}/terraform-[0-9a-f]{12}\\.rc$`),
    );
    const text = readFileSync(configFile, "utf8");
    expect(text).toContain(`plugin_cache_dir = "${join(root, ".terraform-cli/plugin-cache")}"`);

    // What it says on stderr is what it wrote: the AWS provider from a mirror, or the registry.
    const mirror = /^mirror (.+): registry\.terraform\.io\/hashicorp\/aws \S+$/m.exec(run.stderr);
    if (mirror) {
      expect(text).toContain(`path    = "${mirror[1]}"`);
      expect(text).toContain(`include = ["registry.terraform.io/hashicorp/aws"]`);
    } else {
      expect(run.stderr).toMatch(/^registry: registry\.terraform\.io\/hashicorp\/aws/m);
      expect(text).toContain("  direct {}");
    }
    expect(run.stderr).toMatch(/^mirror located in \d+ ms/m);
  });

  it("works as documented: eval sets TF_CLI_CONFIG_FILE in the shell", async () => {
    const root = planProject({ lock: "s3" });
    const shell = await runCommand(root, [
      "sh",
      "-c",
      'eval "$(npm run --silent terraform-cli-config 2>/dev/null)" && printf %s "$TF_CLI_CONFIG_FILE"',
    ]);
    expect(shell.code).toBe(0);
    expect(existsSync(shell.stdout)).toBe(true);
    expect(shell.stdout.startsWith(join(root, ".terraform-cli/"))).toBe(true);
  });

  it("exits 1 on a configuration problem, printing it and no export line", async () => {
    const root = planProject({ lock: "s3" });
    editJson(root, "environments/qa.json", (env) => {
      env.vpc.cidr = "10.20.0.0/33";
    });
    const run = await runCommand(root, npmScript("terraform-cli-config", []));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^Synthesis stopped: 1 configuration problem\(s\), no CLI configuration written\.\n/,
    );
    expect(run.stderr).toContain("environments/qa.json: $.vpc.cidr:");
  });
});

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { OFFLINE_OVERRIDE_FILE } from "../../../lib/offline-plan/offline-override";
import { prepareWorkingDir } from "../../../lib/offline-plan/working-dir";
import { layout, tempDir } from "../../support/temp-dir";

describe("prepareWorkingDir", () => {
  it("copies the stack and writes the override, leaving the synthesized folder untouched", () => {
    const root = tempDir("workdir-");
    layout(root, ["stack/cdk.tf.json", "stack/assets/a.zip", "stack/.terraform/providers/p"]);
    const work = join(root, "work");
    prepareWorkingDir(join(root, "stack"), work, { provider: { aws: [{ access_key: "k" }] } });

    expect(readdirSync(work).sort()).toEqual(["assets", "cdk.tf.json", OFFLINE_OVERRIDE_FILE]);
    expect(JSON.parse(readFileSync(join(work, OFFLINE_OVERRIDE_FILE), "utf8"))).toEqual({
      provider: { aws: [{ access_key: "k" }] },
    });
    expect(readdirSync(join(root, "stack")).sort()).toEqual([
      ".terraform",
      "assets",
      "cdk.tf.json",
    ]);
  });

  it("keeps Terraform's data folder between runs and drops what is no longer synthesized", () => {
    const root = tempDir("workdir-");
    layout(root, [
      "stack/cdk.tf.json",
      "work/.terraform/terraform.tfstate",
      "work/.terraform.lock.hcl",
      "work/old-asset.zip",
      "work/offline.tfplan",
    ]);
    prepareWorkingDir(join(root, "stack"), join(root, "work"), {});
    expect(readdirSync(join(root, "work")).sort()).toEqual([
      ".terraform",
      "cdk.tf.json",
      OFFLINE_OVERRIDE_FILE,
    ]);
    expect(existsSync(join(root, "work/.terraform/terraform.tfstate"))).toBe(true);
  });
});

// The synthesized configuration is what `cdktf deploy` applies: offline settings must never be in it.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readSynthesizedStacks } from "../lib/offline-plan/synthesized-stack";
import { synthesize } from "../main";
import { tempDir } from "./support/temp-dir";

const REPO_ROOT = resolve(__dirname, "..");

/** Settings that only offline runs may have: credentials, endpoints, checks turned off. */
const OFFLINE_ONLY = /^(access_key|secret_key|token|endpoints?|use_path_style|skip_.*)$/;

describe("synthesized production configuration", () => {
  const outdir = join(tempDir("production-config-"), "cdktf.out");
  synthesize(REPO_ROOT, outdir);
  const stacks = readSynthesizedStacks(outdir);

  it.each(stacks.map((s) => [s.name, s] as const))(
    "%s: no provider block carries credentials, endpoints or skip flags",
    (_, stack) => {
      for (const [type, blocks] of Object.entries(stack.config.provider ?? {})) {
        for (const block of [blocks].flat()) {
          const offlineOnly = Object.keys(block).filter((key) => OFFLINE_ONLY.test(key));
          expect({ type, offlineOnly }).toEqual({ type, offlineOnly: [] });
        }
      }
    },
  );

  it.each(stacks.map((s) => [s.name, s] as const))(
    "%s: the backend carries no credentials, endpoints or skip flags",
    (_, stack) => {
      const backends = Object.entries(stack.config.terraform?.backend ?? {});
      // The state stack bootstraps the bucket the others keep their state in, so it cannot use it.
      expect(backends.map(([type]) => type)).toEqual([stack.name === "state" ? "local" : "s3"]);
      for (const [, block] of backends) {
        expect(Object.keys(block).filter((key) => OFFLINE_ONLY.test(key))).toEqual([]);
      }
    },
  );

  it.each(stacks.map((s) => [s.name, s] as const))(
    "%s: points neither provider nor backend at a loopback address, and has no stand-in key",
    (_, stack) => {
      const settings = JSON.stringify([stack.config.provider, stack.config.terraform?.backend]);
      expect(settings).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]/);
      const text = readFileSync(join(stack.directory, stack.configFile), "utf8");
      expect(text).not.toMatch(/S3RVER|offline_override/);
    },
  );
});

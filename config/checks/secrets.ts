import { maskSecret, secretSuspicion } from "../../lib/secret-detection";
import { jsonPath } from "../problems";
import type { Check } from "./check";

/**
 * Plain environment variables are readable by anyone who can describe the task definition:
 * anything that looks like a secret belongs in `secrets`, as a Secrets Manager or SSM reference.
 * The value is masked in the message, which may end up in CI logs.
 */
export const checkPlainSecrets: Check = ({ services }) =>
  services.flatMap((service) =>
    Object.entries(service.environment).flatMap(([name, value]) => {
      const why = secretSuspicion(name, value);
      if (!why) return [];
      return [
        {
          file: service.file,
          path: jsonPath(["environment", name]),
          message: `${maskSecret(value)} in a plain environment variable looks like a secret (${why}); expected it in Secrets Manager or SSM Parameter Store and referenced from "secrets", e.g. "secrets": { ${JSON.stringify(name)}: "arn:aws:secretsmanager:<region>:<account>:secret:<name>" }`,
        },
      ];
    }),
  );

import { parseArn } from "../../lib/arn";
import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/** A load balancer can only use an ACM certificate of its own region and account. */
export const checkCertificate: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const arnText = env.routing.certificateArn;
    const arn = arnText === undefined ? undefined : parseArn(arnText);
    if (!arn) return [];
    const at = { file: env.file, path: "$.routing.certificateArn" };
    if (arn.region !== env.region) {
      return [
        {
          ...at,
          message: `${quote(arnText)} is a certificate of region ${quote(arn.region)}; expected one in ${quote(env.region)}, the load balancer's region (request or import it there)`,
        },
      ];
    }
    if (env.accountId !== undefined && arn.account !== env.accountId) {
      return [
        {
          ...at,
          message: `${quote(arnText)} belongs to account ${quote(arn.account)}; expected a certificate of account ${quote(env.accountId)}, where the load balancer is`,
        },
      ];
    }
    return [];
  });

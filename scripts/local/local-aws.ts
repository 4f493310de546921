import { S3_EMULATOR_CREDENTIALS } from "../../lib/emulators/s3-emulator";

/**
 * The region and credentials local services use: the emulators check that requests are signed,
 * s3rver with its own key pair, dynalite with any.
 */
export const LOCAL_AWS = {
  region: "us-east-1",
  credentials: {
    accessKeyId: S3_EMULATOR_CREDENTIALS.accessKey,
    secretAccessKey: S3_EMULATOR_CREDENTIALS.secretKey,
  },
} as const;

/** AWS_REGION and the credentials, for a service that uses a local emulator. */
export function localAwsEnvironment(): Record<string, string> {
  return {
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
  };
}

import { startS3Emulator } from "../../lib/emulators/s3-emulator";

/** s3rver (an S3-compatible server) running in this process, with the static objects bucket. */
export interface LocalStaticObjects {
  readonly endpoint: string;
  readonly bucket: string;
  stop(): Promise<void>;
}

const BUCKET = "static-objects";

/** Starts s3rver on 127.0.0.1, on a port it picks, its objects kept under `directory`. */
export async function startLocalStaticObjects(directory: string): Promise<LocalStaticObjects> {
  const emulator = await startS3Emulator("127.0.0.1", directory);
  await emulator.ensureBucket(BUCKET);
  return { endpoint: emulator.endpoint, bucket: BUCKET, stop: () => emulator.stop() };
}

/**
 * STATIC_BUCKET (as ECS sets it) and AWS_ENDPOINT_URL_S3, the endpoint the AWS SDK reads from
 * the environment, so a service's S3 client reaches s3rver without code of its own.
 */
export function staticObjectsEnvironment(
  store: Pick<LocalStaticObjects, "endpoint" | "bucket">,
): Record<string, string> {
  return { STATIC_BUCKET: store.bucket, AWS_ENDPOINT_URL_S3: store.endpoint };
}

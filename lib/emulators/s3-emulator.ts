import type { AddressInfo } from "node:net";
import S3rver from "s3rver";
import { closeServer } from "./close-server";
import { recordRequests, type RecordedRequest } from "./request-journal";

/** The only key pair the S3 stand-in (s3rver) accepts; it does not check SigV4 signatures. */
export const S3_EMULATOR_CREDENTIALS = { accessKey: "S3RVER", secretKey: "S3RVER" } as const;

export interface S3Emulator {
  /** Base URL, e.g. `http://127.0.0.1:40123`; buckets are addressed path-style below it. */
  readonly endpoint: string;
  ensureBucket(bucket: string): Promise<void>;
  bucketExists(bucket: string): Promise<boolean>;
  /** The keys in a bucket, optionally under a prefix. */
  listKeys(bucket: string, prefix?: string): Promise<string[]>;
  /** An object's content, or undefined when there is no such object. */
  getObject(bucket: string, key: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
};

function xmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity] as string);
}

function objectUrl(endpoint: string, bucket: string, key = ""): string {
  const path = key.split("/").map(encodeURIComponent).join("/");
  return `${endpoint}/${encodeURIComponent(bucket)}${key === "" ? "" : `/${path}`}`;
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok)
    throw new Error(
      `S3 emulator: ${what} failed: HTTP ${response.status} ${await response.text()}`,
    );
  return response;
}

/** Starts s3rver on `host`, on a free port, storing buckets under `directory` (and its requests in `journal`, when given). */
export async function startS3Emulator(
  host: string,
  directory: string,
  journal?: RecordedRequest[],
): Promise<S3Emulator> {
  const server = new S3rver({
    address: host,
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
  });
  const address: AddressInfo = await server.run();
  if (journal) recordRequests(server.httpServer, "s3", journal);
  const endpoint = `http://${host}:${address.port}`;

  const bucketExists = async (bucket: string): Promise<boolean> =>
    (await fetch(objectUrl(endpoint, bucket), { method: "HEAD" })).ok;

  return {
    endpoint,
    bucketExists,
    async ensureBucket(bucket) {
      if (await bucketExists(bucket)) return;
      await expectOk(
        await fetch(objectUrl(endpoint, bucket), { method: "PUT" }),
        `creating bucket ${bucket}`,
      );
    },
    async listKeys(bucket, prefix = "") {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({ "list-type": "2", prefix });
        if (token !== undefined) query.set("continuation-token", token);
        const response = await expectOk(
          await fetch(`${objectUrl(endpoint, bucket)}?${query}`),
          `listing bucket ${bucket}`,
        );
        const xml = await response.text();
        keys.push(...[...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => xmlText(m[1] as string)));
        const next = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml);
        token = next ? xmlText(next[1] as string) : undefined;
      } while (token !== undefined);
      return keys;
    },
    async getObject(bucket, key) {
      const response = await fetch(objectUrl(endpoint, bucket, key));
      if (response.status === 404) return undefined;
      return (await expectOk(response, `reading s3://${bucket}/${key}`)).text();
    },
    stop: () => closeServer(server.httpServer, (done) => server.httpServer.close(done)),
  };
}

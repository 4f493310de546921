import type { AddressInfo } from "node:net";
import dynalite from "dynalite";
import { closeServer } from "./close-server";
import { DynamoDbClient } from "./dynamodb-client";
import { recordRequests, type RecordedRequest } from "./request-journal";

export interface DynamoDbEmulator {
  /** Base URL, e.g. `http://127.0.0.1:40124`. */
  readonly endpoint: string;
  readonly client: DynamoDbClient;
  stop(): Promise<void>;
}

/** Starts dynalite on `host`, on a free port, keeping its LevelDB store in `directory` (and its requests in `journal`, when given). */
export async function startDynamoDbEmulator(
  host: string,
  directory: string,
  journal?: RecordedRequest[],
): Promise<DynamoDbEmulator> {
  const server = dynalite({
    path: directory,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  if (journal) recordRequests(server, "dynamodb", journal);
  const endpoint = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    client: new DynamoDbClient(endpoint),
    // dynalite's own close also closes its LevelDB store, so the directory can be opened again.
    stop: () => closeServer(server, (done) => server.close(done)),
  };
}

import type { IncomingMessage, Server } from "node:http";

/** One request an emulator received, as far as tests need to tell what Terraform did. */
export interface RecordedRequest {
  readonly service: "s3" | "dynamodb";
  readonly method: string;
  /** The URL path and query, e.g. `/bucket/key?x-id=PutObject`. */
  readonly path: string;
  /** DynamoDB only: the operation, e.g. `PutItem`, and the table and `LockID` it names. */
  readonly operation?: string;
  readonly table?: string;
  readonly lockId?: string;
}

interface DynamoDbRequestBody {
  readonly TableName?: string;
  readonly Item?: { readonly LockID?: { readonly S?: string } };
  readonly Key?: { readonly LockID?: { readonly S?: string } };
}

function dynamoDbDetails(request: IncomingMessage, body: string): Partial<RecordedRequest> {
  const target = request.headers["x-amz-target"];
  const operation = typeof target === "string" ? target.split(".")[1] : undefined;
  try {
    const parsed = JSON.parse(body) as DynamoDbRequestBody;
    const lockId = parsed.Item?.LockID?.S ?? parsed.Key?.LockID?.S;
    return { operation, table: parsed.TableName, lockId };
  } catch {
    return { operation };
  }
}

/**
 * Records every request a server receives, alongside (not instead of) its own handler: the
 * emulator still reads the body itself; the journal only listens.
 */
export function recordRequests(
  server: Server,
  service: RecordedRequest["service"],
  journal: RecordedRequest[],
): void {
  server.on("request", (request: IncomingMessage) => {
    const base = { service, method: request.method ?? "", path: request.url ?? "" };
    if (service === "s3") {
      journal.push(base);
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      journal.push({
        ...base,
        ...dynamoDbDetails(request, Buffer.concat(chunks).toString("utf8")),
      });
    });
  });
}

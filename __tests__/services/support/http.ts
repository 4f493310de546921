/** A response with its body parsed as JSON when there is one. */
export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;

  readonly body: any;
}

/**
 * One HTTP request: an object body is sent as JSON, a string body as is (with a JSON content
 * type, to send malformed JSON).
 */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  const init: RequestInit = { method, signal: AbortSignal.timeout(15_000) };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

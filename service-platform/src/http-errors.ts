/** An error that becomes an HTTP response: its status, a one-line message, and the field at fault. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** 400 for a request field that is missing or invalid; the message names the field. */
export function invalidField(field: string, message: string): HttpError {
  return new HttpError(400, message, field);
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** The JSON body of every error response: `{ statusCode, error, message, field? }`. */
export function errorBody(statusCode: number, message: string, field?: string) {
  return {
    statusCode,
    error: REASONS[statusCode] ?? "Error",
    message,
    ...(field === undefined ? {} : { field }),
  };
}

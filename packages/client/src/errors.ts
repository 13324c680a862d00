/** One field-level problem of a failed request; `path` is dotted (`keyResults.0.targetValue`). */
export type ApiErrorDetail = { path: string; message: string };

/** The server answered with the contract's error body (or an answer that is not one, see `code`). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  /** HTTP status. */
  readonly status: number;
  /** Stable dotted code (`objective.reason_required`); `response.invalid` when the body was not the contract's. */
  readonly code: string;
  /** Field-level problems, each with the path of the input it concerns. */
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The server could not be reached (offline, DNS, refused, timed out, or a gateway saying it is down). */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}

// `unwrap(result)` turns an openapi-fetch style result into its data or a thrown typed error.
import { createApiError, serverRequestId, type ApiError } from "./errors.js";

const serverRequestIdOf = (headers: Headers) => {
  const id = headers.get("x-request-id");
  return id === null ? undefined : serverRequestId(id, undefined);
};

/** Where a client leaves the typed error it prepared for a failed call. */
export const API_ERROR = Symbol.for("ai-vendor-contracts.apiError");

type AnyResult = { data?: unknown; error?: unknown; response: Response; [API_ERROR]?: ApiError };

// Keyed by the result's error body, so a helper handed only `result.error` finds the typed
// error (its status and class) that the body alone cannot tell; weak, so bodies are not kept.
const errorsByBody = new WeakMap<object, ApiError>();

/** Called by the client on every failed result it returns. */
export function attachApiError(result: AnyResult, error: ApiError): void {
  Object.defineProperty(result, API_ERROR, { value: error, enumerable: false });
  if (typeof result.error === "object" && result.error !== null) errorsByBody.set(result.error, error);
}

/**
 * The typed error behind `value`: a thrown error as it is, or the ApiError of a result's
 * `error` body; `undefined` for anything else.
 */
export function typedErrorOf(value: unknown): Error | undefined {
  if (value instanceof Error) return value;
  return typeof value === "object" && value !== null ? errorsByBody.get(value) : undefined;
}

/**
 * The typed error of a failed call: the `ApiError` subclass (`NotFoundError`, `RateLimitError`
 * with `retryAfter` …) the client built for `result`, whose `error` holds the vendor's raw body.
 * Also takes that body itself (when it is an object), so a destructured `{ error }` still leads
 * to it. `undefined` for a success or for anything no client returned.
 */
export function errorOf(resultOrBody: unknown): ApiError | undefined {
  if (typeof resultOrBody !== "object" || resultOrBody === null) return undefined;
  return (resultOrBody as AnyResult)[API_ERROR] ?? errorsByBody.get(resultOrBody);
}

export function unwrap<R extends AnyResult>(result: R): NonNullable<R["data"]> {
  if (result[API_ERROR]) throw result[API_ERROR];
  if (!result.response.ok) {
    throw createApiError({
      vendor: "unknown",
      status: result.response.status,
      body: result.error,
      requestId: serverRequestIdOf(result.response.headers),
    });
  }
  return result.data as NonNullable<R["data"]>;
}

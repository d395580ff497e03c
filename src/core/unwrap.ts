// `unwrap(result)` turns an openapi-fetch style result into its data or a thrown typed error.
import { createApiError, type ApiError } from "./errors.js";

/** Where a client leaves the typed error it prepared for a failed call. */
export const API_ERROR = Symbol.for("ai-vendor-contracts.apiError");

type AnyResult = { data?: unknown; error?: unknown; response: Response; [API_ERROR]?: ApiError };

export function unwrap<R extends AnyResult>(result: R): NonNullable<R["data"]> {
  if (result[API_ERROR]) throw result[API_ERROR];
  if (!result.response.ok) {
    throw createApiError({
      vendor: "unknown",
      status: result.response.status,
      body: result.error,
      requestId: result.response.headers.get("x-request-id") ?? undefined,
    });
  }
  return result.data as NonNullable<R["data"]>;
}

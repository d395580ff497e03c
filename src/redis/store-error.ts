// What a call gets when the shared store cannot be reached and the client chose
// `onStoreError: "fail"` over going on under its in-process limiter: a VendorError of the call
// (vendor, operation, request id), so one `catch` handles it like any other failure.
import { serverText, VendorError, type ErrorContext } from "../core/errors.js";

export class RateLimitStoreError extends VendorError {}

export function storeUnreachable(error: unknown, context: ErrorContext): RateLimitStoreError {
  const reason = serverText((error as Error | undefined)?.message ?? String(error), 200, context.redact);
  return new RateLimitStoreError(
    `The shared rate-limit store is unreachable (${reason}); ${context.operation ?? "the call"} was not sent. ` +
      `Check Redis, or pass rateLimit.onStoreError: "fallback" to go on under the in-process limiter. ` +
      `Request id ${context.requestId ?? "unknown"}.`,
    context,
    { cause: error },
  );
}

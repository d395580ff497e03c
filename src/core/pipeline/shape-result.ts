// Step 7: an HTTP error answer becomes its typed ApiError, built from the vendor's error body
// (redacted before anything cuts it, so no part of the key survives a cut), attached to the
// result for unwrap(), and thrown with throwOnError.
import { createApiError, serverRequestId, snippet, type ApiError } from "../errors.js";
import { problemMessage } from "../problem-json.js";
import { redactValue } from "../redact.js";
import { serverWaitMs } from "../retry.js";
import { attachApiError } from "../unwrap.js";
import type { Call } from "./call-state.js";

export function shapeResult(call: Call): void {
  const { result, client } = call;
  if (result.response.ok) return;
  const error = apiError(call);
  attachApiError(result, error);
  client.logger.debug(`HTTP ${result.response.status} from ${call.answered.operation}`, { requestId: result.requestId, code: error.code });
  if (client.throwOnError) throw error;
}

function apiError(call: Call): ApiError {
  const { result, client, answered } = call;
  // A body that is not JSON is kept as its start.
  const clean = redactValue(result.error, client.redact);
  const body = typeof clean === "string" ? snippet(clean) : clean;
  const { code, message, requestId } = client.vendor.errorBody(clean);
  return createApiError({
    ...answered,
    ...(requestId ? { requestId: serverRequestId(requestId, client.redact) } : {}),
    status: result.response.status,
    code,
    message: problemMessage(clean) ?? message ?? (typeof body === "string" && body ? `body starts ${JSON.stringify(body)}` : undefined),
    body,
    retryAfter: serverWaitMs(result.response.headers),
  });
}

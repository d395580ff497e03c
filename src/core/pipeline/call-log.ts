// A debug line about one call, tagged with its vendor, operation and request id.
import type { Call } from "./call-state.js";

export function logCall(call: Call, message: string, details?: Record<string, unknown>): void {
  const { context } = call;
  call.client.logger.debug(message, { vendor: context.vendor, operation: context.operation, requestId: context.requestId, ...details });
}

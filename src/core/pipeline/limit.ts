// The client-side rate limiter's part of an attempt: a slot before each request that goes out,
// the attempt's first request and each redirect hop alike (a hop is a request the server counts),
// and the answer fed back, so a server that says its window is spent pauses the limiter.
import { monotonicNow } from "../clock.js";
import type { Call } from "./call-state.js";
import { logCall } from "./call-log.js";

/** Waits for a slot; undefined (nothing to await) without a limiter. An abort rejects at once. */
export function takeSlot(call: Call, signal: AbortSignal | undefined): Promise<void> | undefined {
  return call.client.limiter ? waitForSlot(call, signal) : undefined;
}

async function waitForSlot(call: Call, signal: AbortSignal | undefined): Promise<void> {
  const queued = monotonicNow();
  await call.client.limiter!.acquire(signal, call.context);
  const waited = Math.round(monotonicNow() - queued);
  if (waited > 0) call.span?.event("rate_limit.wait", { wait_ms: waited });
  if (waited >= 10) logCall(call, "waited for the client-side rate limiter", { waitMs: waited });
}

export function observeAnswer(call: Call, response: Response): void {
  call.client.limiter?.observe(response.headers, response.status);
}

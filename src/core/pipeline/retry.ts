// The attempts of one call (openapi-fetch's fetch): each takes a rate-limit slot (limit.ts), gets
// its own deadline, is sent (attempt.ts) and has its body read within that deadline
// (read-answer.ts). A timeout, a reset, a body that broke or stalled, or a 408/429/5xx is tried
// again while attempts remain and the method allows it (retry.ts in core: the pure decisions);
// waits honour the server's Retry-After and end early when the caller aborts.
import { bodyReadFailed } from "../body.js";
import { connectionError, HookError, timeoutError, VendorError } from "../errors.js";
import type { PlannedRequest } from "../planned-request.js";
import { backoffMs, mayRetryMethod, RETRYABLE_STATUSES, serverWaitMs, sleep } from "../retry.js";
import { attemptSignal, type AttemptSignal } from "../timeout.js";
import type { Call } from "./call-state.js";
import { logCall } from "./call-log.js";
import { exchange, firstHop } from "./attempt.js";
import { runErrorHooks, runHooks } from "./hooks.js";
import { observeAnswer, takeSlot } from "./limit.js";
import { readAnswer } from "./read-answer.js";

/** Errors that mean the request never reached the server, so even a POST may be sent again. */
function neverReachedServer(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
}

const ignore = () => {};

export async function sendAttempts(request: PlannedRequest): Promise<Response> {
  const { call } = request;
  const { callerSignal } = call;
  const first = await firstHop(request, call);
  for (let attempt = 0; ; attempt++) {
    call.attempt = attempt;
    const canRetry = attempt < call.maxRetries;
    const slot = takeSlot(call, callerSignal);
    if (slot) await slot;
    const timer = attemptSignal(callerSignal, call.timeoutMs);
    let response: Response | undefined;
    try {
      response = await exchange(call, request, first, attempt, timer.signal);
      observeAnswer(call, response);
      if (call.hookRequest) await runHooks(call, "afterResponse", timer.signal, call.hookRequest, response);
      const wait = RETRYABLE_STATUSES.has(response.status) && canRetry ? statusRetryWait(call, request, response, attempt) : undefined;
      if (wait !== undefined) {
        // Not awaited: a transport's cancel may never settle.
        response.body?.cancel().catch(ignore);
        timer.release();
        call.span?.event("retry", { "http.response.status_code": response.status, wait_ms: wait });
        await sleep(wait, callerSignal);
        continue;
      }
      call.answer = response;
      call.signal = timer.signal;
      // A traced stream ends its span with its attempt: read to its end, failed or cancelled.
      call.release = call.span ? () => (timer.release(), call.span!.end(call)) : timer.release;
      const answer = await readAnswer(call, response);
      if (!call.streaming) timer.release();
      return answer;
    } catch (error) {
      timer.release();
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (error instanceof HookError) throw error;
      // Our own errors (a refused redirect, a body over the bound or not JSON) are never retried.
      const ours = error instanceof VendorError;
      const failure = ours ? error : attemptFailed(call, request, error, response, timer, attempt);
      if (call.hookRequest) await runErrorHooks(call, call.hookRequest, failure);
      // A timed-out or reset POST may have reached the server; resending could act twice.
      // A body that broke or stalled came from a server that acted: retried as idempotent requests are.
      if (ours || !canRetry || !mayRetryMethod(request.method, !!response || !neverReachedServer(error), call.retryOptIn)) throw failure;
      const wait = backoffMs(attempt);
      logCall(call, `retrying after ${failure.name}`, { waitMs: wait, reason: failure.message });
      call.span?.event("retry", { "error.type": failure.name, wait_ms: wait });
      await sleep(wait, callerSignal);
    }
  }
}

/** How long to wait before retrying this 408/429/5xx, or undefined to hand it back as it is. */
function statusRetryWait(call: Call, request: PlannedRequest, response: Response, attempt: number): number | undefined {
  if (!mayRetryMethod(request.method, true, call.retryOptIn)) return undefined;
  const wait = serverWaitMs(response.headers) ?? backoffMs(attempt);
  if (wait > call.client.maxRetryWaitMs) {
    logCall(call, `not retrying HTTP ${response.status}: server asks for ${wait} ms, over maxRetryWaitMs`, { waitMs: wait });
    return undefined;
  }
  logCall(call, `retrying after HTTP ${response.status}`, { waitMs: wait });
  return wait;
}

/** The typed error of an attempt that timed out or whose connection failed, before the answer or while its body was read. */
function attemptFailed(call: Call, request: PlannedRequest, error: unknown, response: Response | undefined, timer: AttemptSignal, attempt: number): VendorError {
  if (response) return bodyReadFailed(response, call.answered, error, call.timeoutMs);
  const tried = { attempt: attempt + 1, of: call.maxRetries + 1 };
  return timer.timedOut() ? timeoutError(call.context, error, call.timeoutMs, tried) : connectionError(call.context, error, request.url, tried);
}

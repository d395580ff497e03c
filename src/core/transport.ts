// The fetch that openapi-fetch calls: one logical call becomes up to 1 + maxRetries attempts,
// each with the auth header, the call's X-Request-Id, an attempt counter, a fresh timeout and a
// rate-limiter slot; waits honour the server's Retry-After and end early on abort. Redirects are
// followed by redirect.ts; every wait on the transport is raced against the attempt's signal.
import type { FetchLike } from "./client-types.js";
import { connectionError, RedirectError, timeoutError, type ErrorContext } from "./errors.js";
import { silentLogger, type Logger } from "./logger.js";
import type { PlannedRequest } from "./planned-request.js";
import type { RateLimiter } from "./rate-limit.js";
import { redactHeaders } from "./redact.js";
import { lazy } from "./lazy.js";
import { isLoopbackHost } from "./loopback.js";
import type { Hop } from "./redirect.js";
import { attemptSignal, untilAborted } from "./timeout.js";
import { backoffMs, mayRetryMethod, RETRYABLE_STATUSES, serverWaitMs, sleep } from "./retry.js";

export const ATTEMPT_HEADER = "X-Attempt";

export interface TransportSettings {
  fetch: FetchLike;
  authHeader: [string, string];
  limiter: RateLimiter | undefined;
  logger: Logger;
  maxRetries: number;
  maxRetryWaitMs: number;
  timeoutMs: number;
}

export interface CallSettings {
  context: ErrorContext & { requestId: string };
  /** Retry this call even if the method is not idempotent. */
  retryOptIn: boolean;
  timeoutMs: number;
  maxRetries: number;
  /** Filled by send(): releases the answered attempt's timer once its body has been read. */
  release?: () => void;
  /** Filled by send(): the answered attempt's signal, which the body must be read within. */
  signal?: AbortSignal;
}

/** Errors that mean the request never reached the server, so even a POST may be sent again. */
function neverReachedServer(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
}

export async function send(request: PlannedRequest, settings: TransportSettings, call: CallSettings): Promise<Response> {
  const { context } = call;
  const callerSignal = request.signal;
  // A stream can be read once; every other body (string, FormData, Blob…) can be sent again as is.
  const body =
    request.body instanceof ReadableStream
      ? await (callerSignal ? untilAborted(new Response(request.body).arrayBuffer(), callerSignal) : new Response(request.body).arrayBuffer())
      : request.body;
  const { headers } = request;
  // What each attempt sends first; a redirect's later hops are built from it (redirect.ts).
  const first: Hop = { url: request.url, method: request.method, headers, body };
  headers.set(settings.authHeader[0], settings.authHeader[1]);
  headers.set("X-Request-Id", context.requestId);
  const log = (message: string, details: Record<string, unknown> = {}) =>
    settings.logger.debug(message, { vendor: context.vendor, operation: context.operation, requestId: context.requestId, ...details });

  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < call.maxRetries;
    if (settings.limiter) {
      const queued = Date.now();
      await settings.limiter.acquire(callerSignal, context);
      const waited = Date.now() - queued;
      if (waited >= 10) log("waited for the client-side rate limiter", { waitMs: waited });
    }
    headers.set(ATTEMPT_HEADER, String(attempt + 1));
    const { signal, timedOut, release } = attemptSignal(callerSignal, call.timeoutMs);
    if (settings.logger !== silentLogger) log(`${request.method} ${request.url}`, { attempt: attempt + 1, headers: redactHeaders(headers) });

    let response: Response;
    try {
      response = await fetchWithin(request, first, signal, settings);
      // Only a 3xx pays for the redirect bookkeeping, and the first one loads it (redirect.ts
      // follows 301, 302, 303, 307 and 308, and hands any other status back as it is).
      if (response.status >= 300 && response.status < 400) {
        const { followRedirects } = await untilAborted(loadRedirect(), signal);
        const refuse = (message: string, location: string) => new RedirectError(message, context, location);
        const policy = {
          authHeader: settings.authHeader[0],
          mode: request.redirect,
          context,
          refuse,
          allowsPlainHttp: isLoopbackHost,
          log,
        };
        response = await followRedirects(response, first, (hop) => fetchWithin(request, hop, signal, settings), policy);
      }
    } catch (error) {
      release();
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (error instanceof RedirectError) throw error;
      const tried = { attempt: attempt + 1, of: call.maxRetries + 1 };
      const failure = timedOut() ? timeoutError(context, error, call.timeoutMs, tried) : connectionError(context, error, request.url, tried);
      // A timed-out or reset POST may have reached the server; resending could act twice.
      const mayRetry = mayRetryMethod(request.method, !neverReachedServer(error), call.retryOptIn);
      if (!canRetry || !mayRetry) throw failure;
      const wait = backoffMs(attempt);
      log(`retrying after ${failure.name}`, { waitMs: wait, reason: failure.message });
      await sleep(wait, callerSignal);
      continue;
    }

    settings.limiter?.observe(response.headers, response.status);
    if (RETRYABLE_STATUSES.has(response.status) && canRetry && mayRetryMethod(request.method, true, call.retryOptIn)) {
      const asked = serverWaitMs(response.headers);
      const wait = asked ?? backoffMs(attempt);
      if (wait <= settings.maxRetryWaitMs) {
        log(`retrying after HTTP ${response.status}`, { waitMs: wait });
        // Not awaited: a transport's cancel may never settle.
        response.body?.cancel().catch(ignore);
        release();
        await sleep(wait, callerSignal);
        continue;
      }
      log(`not retrying HTTP ${response.status}: server asks for ${wait} ms, over maxRetryWaitMs`, { waitMs: wait });
    }
    call.release = release;
    call.signal = signal;
    return response;
  }
}

const ignore = () => {};
const loadRedirect = lazy(() => import("./redirect.js"));

/**
 * One request of an attempt, settled by the attempt's signal even when the fetch ignores it.
 * fetch(url, init), not fetch(Request): undici follows the abort signal of a Request it is given
 * only weakly, and once that Request is garbage a timeout no longer reaches a body that stalls.
 * Given the init, undici's own Request carries the signal and stays reachable.
 */
function fetchWithin(request: PlannedRequest, hop: Hop, signal: AbortSignal, settings: TransportSettings): Promise<Response> {
  const init: RequestInit = { method: hop.method, headers: hop.headers, body: hop.body, signal, redirect: "manual" };
  // The caller's other fields (cache, keepalive, dispatcher …) reach fetch on every attempt and hop.
  if (request.extras) Object.assign(init, request.extras);
  return untilAborted(settings.fetch(hop.url, init), signal);
}

// One attempt of a call: the auth, request id and attempt headers, the beforeRequest hooks, fetch under the attempt's
// deadline, and redirects (redirect.ts, loaded with the first 3xx; each hop takes a rate-limit
// slot). The body is read next, within the same deadline (read-answer.ts).
import { RedirectError, serverRequestId } from "../errors.js";
import { lazy } from "../lazy.js";
import { isLoopbackHost } from "../loopback.js";
import type { PlannedRequest } from "../planned-request.js";
import { redactHeaders } from "../redact.js";
import type { Hop } from "../redirect.js";
import { untilAborted } from "../timeout.js";
import type { Call } from "./call-state.js";
import { logCall } from "./call-log.js";
import { hookRequest, runHooks } from "./hooks.js";
import { takeSlot } from "./limit.js";

export const ATTEMPT_HEADER = "X-Attempt";

const loadRedirect = lazy(() => import("../redirect.js"));

/**
 * What every attempt sends first (a redirect's later hops are built from it): the request with
 * the credential and the call's X-Request-Id. A stream body is read once here, since a stream can
 * be sent only once; every other body (string, FormData, Blob …) can be sent again as it is.
 */
export async function firstHop(request: PlannedRequest, call: Call): Promise<Hop> {
  const { callerSignal } = call;
  const body =
    request.body instanceof ReadableStream
      ? await (callerSignal ? untilAborted(new Response(request.body).arrayBuffer(), callerSignal) : new Response(request.body).arrayBuffer())
      : request.body;
  const { headers } = request;
  const [name, value] = call.client.authHeader;
  headers.set(name, value);
  headers.set("X-Request-Id", call.context.requestId);
  // The trace context goes to the vendor's origin only: redirect.ts drops it on the way elsewhere.
  call.span?.inject(headers);
  return { url: request.url, method: request.method, headers, body };
}

/** Sends attempt number `attempt` (0-based) and follows its redirects; the final answer. */
export async function exchange(call: Call, request: PlannedRequest, first: Hop, attempt: number, signal: AbortSignal): Promise<Response> {
  first.headers.set(ATTEMPT_HEADER, String(attempt + 1));
  if (call.client.hooks || call.hooks) {
    call.hookRequest = hookRequest(call, request.url, first.headers, attempt);
    await runHooks(call, "beforeRequest", signal, call.hookRequest);
  }
  if (call.client.debug) {
    logCall(call, `${request.method} ${request.url}`, { attempt: attempt + 1, headers: redactHeaders(first.headers) });
  }
  let response = await fetchWithin(call, request, first, signal);
  // Only a 3xx pays for the redirect bookkeeping (redirect.ts follows 301, 302, 303, 307 and
  // 308, and hands any other status back as it is).
  if (response.status >= 300 && response.status < 400) response = await redirect(call, request, first, response, signal);
  const serverId = response.headers.get("x-request-id");
  if (serverId) call.answered = { ...call.context, requestId: serverRequestId(serverId, call.client.redact) };
  return response;
}

async function redirect(call: Call, request: PlannedRequest, first: Hop, response: Response, signal: AbortSignal): Promise<Response> {
  const { followRedirects } = await untilAborted(loadRedirect(), signal);
  const { context } = call;
  const policy = {
    authHeader: call.client.authHeader[0],
    mode: request.redirect,
    context,
    refuse: (message: string, location: string) => new RedirectError(message, context, location),
    allowsPlainHttp: isLoopbackHost,
    log: (message: string, details: Record<string, unknown>) => logCall(call, message, details),
  };
  // Each hop is a request the server counts: it waits for a rate-limit slot, within the deadline.
  const sendHop = async (hop: Hop) => {
    const slot = takeSlot(call, signal);
    if (slot) await slot;
    return fetchWithin(call, request, hop, signal);
  };
  return followRedirects(response, first, sendHop, policy);
}

/**
 * One request of an attempt, settled by the attempt's signal even when the fetch ignores it.
 * fetch(url, init), not fetch(Request): undici follows the abort signal of a Request it is given
 * only weakly, and once that Request is garbage a timeout no longer reaches a body that stalls.
 * Given the init, undici's own Request carries the signal and stays reachable.
 */
function fetchWithin(call: Call, request: PlannedRequest, hop: Hop, signal: AbortSignal): Promise<Response> {
  const init: RequestInit = { method: hop.method, headers: hop.headers, body: hop.body, signal, redirect: "manual" };
  // The caller's other fields (cache, keepalive, dispatcher …) reach fetch on every attempt and hop.
  if (request.extras) Object.assign(init, request.extras);
  return untilAborted(call.client.fetch(hop.url, init), signal);
}

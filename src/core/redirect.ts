// Redirects are followed here, not by fetch (every attempt is sent with redirect: "manual"):
// fetch re-sends custom key headers such as X-Api-Key to whatever origin a Location names.
// Same origin keeps every header; another origin gets none of the credentials (a signed-URL
// download still works); https never drops to plain http on a remote host.
import type { ErrorContext } from "./errors.js";

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Request headers that carry a credential, or the W3C trace context meant for the vendor alone;
// the vendor's own auth header is added by the caller.
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie", "x-api-key", "traceparent", "tracestate", "baggage"];
// Headers that describe a body, dropped with it when a redirect turns the request into a GET.
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

export const isRedirect = (status: number) => REDIRECT_STATUSES.has(status);

export interface Hop {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
}

export interface RedirectPolicy {
  /** The vendor's auth header, removed with the others on the way to another origin. */
  authHeader: string;
  /** The caller's `redirect`: "manual" hands the 3xx back, "error" refuses it; else follow. */
  mode: RequestRedirect | undefined;
  context: ErrorContext;
  /** Builds the RedirectError; passed in, so this module (loaded with the first 3xx) needs no error classes. */
  refuse: (message: string, location: string) => Error;
  /** Hosts that may be reached over plain http from https (loopback: local mocks); passed in likewise. */
  allowsPlainHttp: (hostname: string) => boolean;
  log: (message: string, details: Record<string, unknown>) => void;
}

/** Origin and path: a signed URL's query (its signature) stays out of errors and logs. */
const shown = (url: URL) => `${url.origin}${url.pathname}`;
const ignore = () => {};

/** Follows `response` while it redirects, sending each hop with `send`; the last answer. */
export async function followRedirects(
  response: Response,
  request: Hop,
  send: (hop: Hop) => Promise<Response>,
  policy: RedirectPolicy,
): Promise<Response> {
  const { context } = policy;
  const who = `${context.displayName ?? context.vendor} redirected ${context.operation ?? "the request"}`;
  const refuse = (target: URL, why: string) =>
    policy.refuse(`${who} ${why}. Request id ${context.requestId ?? "unknown"}.`, shown(target));
  // A loop is the same request again: method, URL and whether a body goes with it. A POST that a
  // 303 sends to its own URL becomes a GET without a body (post/redirect/get), a new request.
  const key = (h: Hop) => `${h.method} ${h.body == null ? "-" : "body"} ${h.url}`;
  const visited = new Set([key(request)]);
  let hop = request;
  for (let count = 1; isRedirect(response.status); count++) {
    const location = response.headers.get("location");
    if (location === null || policy.mode === "manual") return response;
    let target: URL;
    try {
      target = new URL(location, hop.url);
    } catch {
      return response; // not a usable Location: the 3xx comes back as an HTTP error
    }
    // Not awaited: a transport's cancel may never settle, and the answer is not needed.
    response.body?.cancel().catch(ignore);
    const from = new URL(hop.url);
    if (policy.mode === "error") throw refuse(target, `to ${shown(target)}, and the call set redirect: "error"`);
    if (target.protocol !== "https:" && target.protocol !== "http:") {
      throw refuse(target, `to a ${target.protocol} URL, which the client does not follow`);
    }
    if (from.protocol === "https:" && target.protocol === "http:" && !policy.allowsPlainHttp(target.hostname)) {
      throw refuse(
        target,
        `from https to plain http at ${target.origin}; the client does not follow it, since the request would travel ` +
          `unencrypted. Check baseUrl, or ask the vendor for the https address`,
      );
    }
    if (count > MAX_REDIRECTS) {
      throw refuse(target, `more than ${MAX_REDIRECTS} times (the last to ${shown(target)}); check baseUrl and any proxy in front of the API`);
    }
    const sameOrigin = target.origin === from.origin;
    // 303 always, and 301/302 after a POST (as browsers do), become a GET without the body.
    const toGet = response.status === 303 ? hop.method !== "HEAD" : response.status <= 302 && hop.method === "POST";
    let { headers } = hop;
    if (!sameOrigin || toGet) {
      headers = new Headers(headers);
      if (!sameOrigin) for (const name of [policy.authHeader, ...CREDENTIAL_HEADERS]) headers.delete(name);
      if (toGet) for (const name of BODY_HEADERS) headers.delete(name);
    }
    hop = { url: target.href, method: toGet ? "GET" : hop.method, headers, body: toGet ? undefined : hop.body };
    if (visited.has(key(hop))) throw refuse(target, `in a loop (back to ${shown(target)}); check baseUrl and any proxy in front of the API`);
    visited.add(key(hop));
    policy.log(`following HTTP ${response.status} redirect to ${shown(target)}`, {
      hop: count,
      method: hop.method,
      credentials: sameOrigin ? "kept (same origin)" : "removed (another origin)",
    });
    response = await send(hop);
  }
  return response;
}

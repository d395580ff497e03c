// What openapi-fetch builds for each call, kept as plain fields instead of a WHATWG Request.
// openapi-fetch lets the client choose the Request class; ours only records the URL and the init,
// because the transport sends every attempt with fetch(url, init) anyway. A real Request here
// cost a second Request, its AbortSignal and a copy of its headers and body on every call, and
// fetch(url, init) is also the form in which undici keeps the abort path alive (see transport.ts).
import type { Call } from "./pipeline/call-state.js";

const PLANNED = new Set(["method", "headers", "body", "signal", "redirect"]);

/** The init key (a symbol: openapi-fetch copies it, fetch never sees it) that carries the pipeline's call. */
export const CALL = Symbol("ai-vendor-contracts.call");

export class PlannedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null | undefined;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect | undefined;
  /** The caller's other RequestInit fields (cache, keepalive, dispatcher …), sent on every attempt. */
  readonly extras: Record<string, unknown> | undefined;
  /** The pipeline's state of the call this request belongs to (pipeline/call-state.ts). */
  readonly call: Call;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = (init.method ?? "GET").toUpperCase();
    // openapi-fetch hands over a Headers it built for this call alone, so the transport may add to it.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body;
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect;
    let extras: Record<string, unknown> | undefined;
    for (const key in init) {
      if (!PLANNED.has(key)) (extras ??= {})[key] = (init as Record<string, unknown>)[key];
    }
    this.extras = extras;
    this.call = (init as { [CALL]?: Call })[CALL]!;
  }
}

// Shared test helpers: the Prism URLs the global setup started, and a fetch that records calls.
import { inject } from "vitest";

export function mockUrl(vendor: string): string {
  const url = inject("prism")[vendor];
  if (!url) throw new Error(`no Prism mock was started for ${vendor}`);
  return url;
}

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  status?: number;
}

/** Wraps the global fetch and keeps every request it sends. */
export function recordingFetch(inner: typeof fetch = globalThis.fetch) {
  const calls: RecordedCall[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input as Request, init);
    const call: RecordedCall = { method: request.method, url: new URL(request.url), headers: request.headers };
    calls.push(call);
    const response = await inner(request);
    call.status = response.status;
    return response;
  };
  return { fetch: fetchImpl, calls };
}

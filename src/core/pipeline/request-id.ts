// Step 1: the call's X-Request-Id (the caller's, else the client's, else a fresh UUID) and the
// error context every later step and error names it by.
import type { Call } from "./call-state.js";

/** The caller's X-Request-Id, in whichever form the headers come (object, Headers, pairs). */
export function requestIdIn(headers: unknown): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get("x-request-id") ?? undefined;
  const entries = Array.isArray(headers) ? (headers as [string, unknown][]) : Object.entries(headers);
  const found = entries.find(([name]) => name.toLowerCase() === "x-request-id")?.[1];
  return found == null ? undefined : String(found);
}

type NodeCrypto = { randomUUID: () => string };
type MaybeNode = { process?: { getBuiltinModule?: (id: string) => NodeCrypto | undefined } };
let uuid: (() => string) | undefined;

/**
 * A fresh UUID v4: Node's own randomUUID where there is one, since the first use of
 * globalThis.crypto on Node loads all of Web Crypto (about 0.2 ms more of a cold start);
 * Web Crypto's elsewhere (browsers, Deno, workers).
 */
export function newRequestId(): string {
  uuid ??= (globalThis as MaybeNode).process?.getBuiltinModule?.("node:crypto")?.randomUUID ?? (() => crypto.randomUUID());
  return uuid();
}

export function requestId(call: Call): void {
  const { client } = call;
  const { vendor } = client;
  const sent = requestIdIn(call.init.headers) ?? client.requestId;
  // A literal, not a spread: a spread that adds keys costs about a microsecond on this path.
  call.context = {
    vendor: vendor.name,
    displayName: vendor.displayName,
    operation: call.operation.label,
    requestId: sent ?? newRequestId(),
    redact: client.redact,
  };
  call.answered = call.context;
}

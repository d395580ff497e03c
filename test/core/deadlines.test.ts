// Deadlines hold whatever the transport does: a fetch (or a body) that never settles and ignores
// its abort signal still ends the call at timeoutMs, the caller's abort ends it at once in every
// phase, and nothing (timer, listener) is left behind. On a fake clock: no waiting on real time.
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createVendorClient, type ClientOptions } from "../../src/core/create-client.js";
import { TimeoutError } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that never settles and never looks at its signal; it keeps the signals it was given. */
function deafFetch() {
  const signals: AbortSignal[] = [];
  const fetch = ((_url: string, init: RequestInit) => {
    signals.push(init.signal!);
    return new Promise<Response>(() => {});
  }) as typeof globalThis.fetch;
  return { fetch, signals };
}

/** Answers 200 at once with a body whose bytes never come and which ignores cancel. */
const stalledBodyFetch = (async () =>
  new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), {
    status: 200,
    headers: { "content-type": "application/json" },
  })) as unknown as typeof globalThis.fetch;

const client = (options: ClientOptions) =>
  createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, rateLimit: false, maxRetries: 0, ...options });

/** The outcome of a promise, observed without awaiting it. */
function watch(promise: Promise<unknown>) {
  const state: { settled: boolean; error?: unknown; value?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe("the attempt deadline", () => {
  it("a fetch that never settles and ignores its signal: TimeoutError at timeoutMs, and its signal is aborted", async () => {
    const { fetch, signals } = deafFetch();
    const call = watch(client({ fetch, timeoutMs: 300 }).GET("/things"));
    await vi.advanceTimersByTimeAsync(299);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(TimeoutError);
    expect((call.error as Error).message).toMatch(/did not answer GET \/things within 300 ms/);
    expect(signals[0]!.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("each retry gets its own deadline, and the call ends after the last", async () => {
    const { fetch, signals } = deafFetch();
    const call = watch(client({ fetch, timeoutMs: 300, maxRetries: 1 }).GET("/things"));
    await vi.advanceTimersByTimeAsync(300);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000 + 300); // the backoff (≤ 500 ms), then the second attempt
    expect(call.error).toBeInstanceOf(TimeoutError);
    expect(signals).toHaveLength(2);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("a body that never arrives and ignores cancel: TimeoutError naming the body at timeoutMs", async () => {
    const call = watch(client({ fetch: stalledBodyFetch, timeoutMs: 300 }).GET("/things"));
    await vi.advanceTimersByTimeAsync(300);
    expect(call.error).toBeInstanceOf(TimeoutError);
    expect((call.error as Error).message).toMatch(/the body did not arrive within 300 ms/);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("the caller's abort settles the call at once", () => {
  const reason = new Error("user cancelled");

  async function abortDuring(fetch: typeof globalThis.fetch, init: Record<string, unknown> = {}) {
    const controller = new AbortController();
    const call = watch(client({ fetch, timeoutMs: 60_000, maxRetries: 2 }).GET("/things", { signal: controller.signal, ...init }));
    await vi.advanceTimersByTimeAsync(10);
    expect(call.settled).toBe(false);
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  }

  it("while the fetch never settles", () => abortDuring(deafFetch().fetch));

  it("while the body never arrives", () => abortDuring(stalledBodyFetch));

  it("while a streamed body is never read to its end", async () => {
    const controller = new AbortController();
    const { data } = await client({ fetch: stalledBodyFetch }).GET("/things", { signal: controller.signal, parseAs: "stream" });
    const reading = watch(new Response(data as ReadableStream).text());
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(reading.error).toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("while waiting out a Retry-After", () =>
    abortDuring((async () => new Response("{}", { status: 503, headers: { "retry-after": "30" } })) as unknown as typeof fetch));

  it("while the first validated call waits for schemas that never load", async () => {
    const controller = new AbortController();
    const sent: unknown[] = [];
    const fetch = (async (...args: unknown[]) => (sent.push(args), Response.json({}))) as unknown as typeof globalThis.fetch;
    const stuck = {
      ...testVendor,
      operations: { "GET /things": { operationId: "listThings", scopes: [], responseKind: "json" as const, mediaTypes: ["application/json"] } },
      loadValidators: () => new Promise<never>(() => {}),
    };
    const api = createVendorClient<TestPaths>(stuck, { apiKey: TEST_KEY, fetch, rateLimit: false });
    const call = watch(api.GET("/things", { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBe(reason);
    expect(sent).toHaveLength(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("while a request body stream is being buffered for retries", async () => {
    const controller = new AbortController();
    const sent: unknown[] = [];
    const fetch = (async (...args: unknown[]) => (sent.push(args), Response.json({}))) as unknown as typeof globalThis.fetch;
    const never = new ReadableStream({ pull: () => new Promise(() => {}) });
    const call = watch(
      client({ fetch }).POST("/things", { signal: controller.signal, body: never as never, bodySerializer: (b: unknown) => b as never }),
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBe(reason);
    expect(sent).toHaveLength(0);
  });
});

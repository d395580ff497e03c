// Finding 2 of issue 13: a custom fetch that never settles and ignores its abort signal (a
// mocking library, a wrapper that rebuilds the Request) must not make a call with timeoutMs: 300
// hang: it ends with a TimeoutError at 300 ms, on a fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { TimeoutError } from "../../src/index.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("AIclicks deadlines", () => {
  it("a fetch that never settles: TimeoutError at timeoutMs 300, the fetch's signal aborted, no timer left", async () => {
    const signals: AbortSignal[] = [];
    let called!: () => void;
    const sent = new Promise<void>((resolve) => (called = resolve));
    const fetch = ((_url: string, init: RequestInit) => {
      signals.push(init.signal!);
      called();
      return new Promise<Response>(() => {});
    }) as typeof globalThis.fetch;
    const client = createAiclicksClient({ apiKey: "ak_live_deadline_test", fetch, timeoutMs: 300, maxRetries: 0, rateLimit: false });
    let outcome: unknown = "pending";
    client.GET("/api/v1/domains").catch((error: unknown) => (outcome = error));
    await sent; // the first call loads the zod schemas before it sends
    await vi.advanceTimersByTimeAsync(299);
    expect(outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBeInstanceOf(TimeoutError);
    expect((outcome as Error).message).toMatch(/AIclicks did not answer listDomains .* within 300 ms/);
    expect(signals[0]!.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});

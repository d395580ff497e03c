// parseAs "stream" releases its attempt (the timer and the listener on the caller's signal) when
// the stream ends, errors or is cancelled: 50 streamed calls on one long-lived signal leave
// nothing on it.
import { getEventListeners, setMaxListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function client(body: () => BodyInit | null) {
  const fetch = (async () => new Response(body(), { headers: { "content-type": "application/octet-stream" } })) as unknown as typeof globalThis.fetch;
  return createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, rateLimit: false });
}

// 50 streams open at once hold 50 listeners until they end: raise Node's leak warning threshold,
// which would otherwise print at 11 and hide a real warning in the noise.
const streams = async (api: ReturnType<typeof client>, signal: AbortSignal, count: number) =>
  (setMaxListeners(count + 1, signal), Promise.all(Array.from({ length: count }, async () => (await api.GET("/things", { parseAs: "stream", signal })).data as ReadableStream)));

describe("parseAs stream", () => {
  it("releases its attempt when the stream is read to its end", async () => {
    const signal = new AbortController().signal;
    const bodies = await streams(client(() => "some bytes"), signal, 50);
    expect(getEventListeners(signal, "abort")).toHaveLength(50);
    expect(await Promise.all(bodies.map((b) => new Response(b).text()))).toEqual(Array(50).fill("some bytes"));
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("releases it when the caller cancels the stream", async () => {
    const signal = new AbortController().signal;
    const bodies = await streams(client(() => new ReadableStream({ pull: () => new Promise(() => {}) })), signal, 50);
    await Promise.all(bodies.map((b) => b.cancel("not needed")));
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("releases it when the stream errors", async () => {
    const signal = new AbortController().signal;
    const failing = () => new ReadableStream({ pull: (c) => c.error(new Error("connection reset")) });
    const bodies = await streams(client(failing), signal, 50);
    const outcomes = await Promise.all(bodies.map((b) => new Response(b).text().catch((e: Error) => e.message)));
    expect(outcomes).toEqual(Array(50).fill("connection reset"));
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a bodiless answer releases at once", async () => {
    const signal = new AbortController().signal;
    await streams(client(() => null), signal, 5);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

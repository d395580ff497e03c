// The client-side limiter keeps a burst under the server's limit: 100 calls fired at once
// against a server that answers 429 past N requests per window get no 429 at all.
import { setMaxListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { LocalRateLimiter } from "../../src/core/local-rate-limit.js";
import { startFaultServer, type Fault } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

let server: Awaited<ReturnType<typeof startFaultServer>> | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
});

/**
 * Opens `connections` keep-alive connections (and loads fetch) before a measured burst: the first
 * burst of a process otherwise reaches the server far later than the next one, which moves the
 * server's window by more than any client can know.
 */
async function warmUp(url: string, connections: number) {
  await Promise.all(Array.from({ length: connections }, () => fetch(`${url}/warm-up`).then((r) => r.arrayBuffer())));
}

/** A server enforcing `limit` requests per fixed window, as the vendors document theirs. */
function enforcing(limit: number, windowMs: number) {
  let windowStart = Date.now();
  let count = 0;
  const statuses: number[] = [];
  const fault: Fault = (req, res) => {
    if (req.url === "/warm-up") return void res.end();
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      count = 0;
    }
    count++;
    const status = count > limit ? 429 : 200;
    statuses.push(status);
    res.writeHead(status, { "content-type": "application/json", "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": String(Math.max(0, limit - count)) });
    res.end(JSON.stringify(status === 429 ? { message: "too many" } : { ok: true }));
  };
  return { fault, statuses };
}

describe("client-side rate limiting", () => {
  // Two-second windows: the limiter's slack (10 %, here 200 ms) has to cover how late a start
  // reaches the server, which on a loaded machine can pass 100 ms.
  it("100 concurrent calls against a server enforcing 40 per window (scaled to 2 s): zero 429s", async () => {
    const { fault, statuses } = enforcing(40, 2000);
    server = await startFaultServer([], fault);
    const client = createVendorClient<TestPaths>(testVendor, {
      apiKey: TEST_KEY,
      baseUrl: server.url,
      rateLimit: { requests: 40, windowMs: 2000 },
      validate: "off",
      maxRetries: 0, // a 429 would surface instead of being retried away
    });
    await warmUp(server.url, 40);
    const results = await Promise.all(Array.from({ length: 100 }, () => client.GET("/things")));
    expect(results.map((r) => r.response.status).filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
  });

  it("without the limiter the same burst does get 429s (the server really enforces)", async () => {
    const { fault, statuses } = enforcing(40, 2000);
    server = await startFaultServer([], fault);
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: server.url, rateLimit: false, validate: "off", maxRetries: 0 });
    await Promise.all(Array.from({ length: 100 }, () => client.GET("/things")));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it("never starts more than the limit in any rolling window (200 calls, on a fake clock)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    const starts: number[] = [];
    const fetch = async () => (starts.push(Date.now()), Response.json({ ok: true }));
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, validate: "off", rateLimit: { requests: 60, windowMs: 1000 } });
    const calls = Promise.all(Array.from({ length: 200 }, () => client.GET("/things")));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await calls).map((r) => r.response.status)).toEqual(Array(200).fill(200));
    const mostInOneWindow = Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + 1000).length));
    expect(mostInOneWindow).toBe(60);
  });

  it("is on by default at the vendor's published limit (on a fake clock)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    const starts: number[] = [];
    const fetch = async () => (starts.push(Date.now()), Response.json({ ok: true }));
    const client = createVendorClient<TestPaths>({ ...testVendor, rateLimitPerMinute: 3 }, { apiKey: TEST_KEY, fetch, validate: "off" });
    const burst = Promise.all(Array.from({ length: 4 }, () => client.GET("/things")));
    await vi.advanceTimersByTimeAsync(0);
    // Three go out at once; the fourth waits for the minute (and the limiter's slack) to pass.
    expect(starts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(starts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(starts).toHaveLength(4);
    await burst;
  });

  it("pauses when the server reports an exhausted window", async () => {
    vi.useFakeTimers();
    const limiter = new LocalRateLimiter({ requests: 100, windowMs: 60_000 });
    limiter.observe(new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Date.now() / 1000 + 0.3) }));
    let granted = false;
    void limiter.acquire().then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(true);
  });
});

describe("aborting a call that waits for the limiter", () => {
  /** Marks when each promise settles, so a test can ask "settled yet?" after moving the fake clock. */
  function track(promise: Promise<void>) {
    const state = { settled: false, outcome: "" };
    promise.then(
      () => Object.assign(state, { settled: true, outcome: "granted" }),
      (error: Error) => Object.assign(state, { settled: true, outcome: error.message }),
    );
    return state;
  }

  it("10 000 calls queued behind a live waiter and aborted at 50 ms settle at the abort and take no slot", async () => {
    vi.useFakeTimers();
    const limiter = new LocalRateLimiter({ requests: 1, windowMs: 60_000 }); // 61 s with the slack
    await limiter.acquire(); // the window's only slot
    const first = track(limiter.acquire()); // waits for the next window
    const controller = new AbortController();
    setMaxListeners(10_001, controller.signal); // 10 000 waiters on one signal: not a leak
    setTimeout(() => controller.abort(new Error("caller gave up")), 50);
    const aborted = Array.from({ length: 10_000 }, () => track(limiter.acquire(controller.signal)));
    const last = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(50);
    expect(aborted.filter((s) => !s.settled)).toHaveLength(0);
    expect(new Set(aborted.map((s) => s.outcome))).toEqual(new Set(["caller gave up"]));
    expect(first.settled).toBe(false);

    // The live calls get the next two windows: none of the aborted ones took a slot between them.
    await vi.advanceTimersByTimeAsync(61_000 - 50);
    expect([first.outcome, last.settled]).toEqual(["granted", false]);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(last.outcome).toBe("granted");
  });

  it("an already-aborted signal rejects at once and leaves the slot free", async () => {
    vi.useFakeTimers();
    const limiter = new LocalRateLimiter({ requests: 1, windowMs: 60_000 });
    const reason = new Error("aborted before asking");
    await expect(limiter.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
    const live = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(0);
    expect(live.outcome).toBe("granted");
  });

  it("an aborted waiter leaves no timer behind once the queue is empty", async () => {
    vi.useFakeTimers();
    const limiter = new LocalRateLimiter({ requests: 1, windowMs: 60_000 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = track(limiter.acquire(controller.signal));
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error("gone"));
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.outcome).toBe("gone");
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("a call held by the limiter for more than a few seconds", () => {
  function held(rateLimit: { requests: number; windowMs: number }) {
    const warnings: string[] = [];
    let sent = 0;
    const client = createVendorClient<TestPaths>(testVendor, {
      apiKey: TEST_KEY,
      fetch: async () => (sent++, Response.json({ ok: true })),
      validate: "off",
      logger: { debug() {}, warn: (message: string) => void warnings.push(message) },
      rateLimit,
    });
    return { client, warnings, sent: () => sent };
  }

  it("logs one warning per client at 3 s, naming rateLimit: false for tests", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    const { client, warnings, sent } = held({ requests: 1, windowMs: 60_000 });
    const calls = Promise.all([client.GET("/things"), client.GET("/things"), client.GET("/things")]);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(sent()).toBe(1);
    expect(warnings).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TestVendor client: the client-side rate limiter \(1 request per 60000 ms\) has held a call for over 3 s.*rateLimit: false/);
    await vi.advanceTimersByTimeAsync(3 * 61_000);
    await calls;
    expect(sent()).toBe(3);
    expect(warnings).toHaveLength(1); // the third call waited too, but the client has said it once
  });

  it("says nothing when no call waits that long", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    const { client, warnings } = held({ requests: 1, windowMs: 2_000 }); // 2.2 s with the slack
    const calls = Promise.all([client.GET("/things"), client.GET("/things")]);
    await vi.advanceTimersByTimeAsync(10_000);
    await calls;
    expect(warnings).toEqual([]);
  });
});

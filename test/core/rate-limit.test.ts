// The client-side limiter keeps a burst under the server's limit: 200 calls fired at once
// against a server that answers 429 past N requests per window get no 429 at all.
import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { RateLimiter } from "../../src/core/rate-limit.js";
import { startFaultServer, type Fault } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

let server: Awaited<ReturnType<typeof startFaultServer>> | undefined;
afterEach(async () => server?.close());

/** A server enforcing `limit` requests per fixed window, as the vendors document theirs. */
function enforcing(limit: number, windowMs: number) {
  let windowStart = Date.now();
  let count = 0;
  const statuses: number[] = [];
  const fault: Fault = (_req, res) => {
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
  it("200 concurrent calls against a server enforcing 60 per window (scaled to 1 s): zero 429s", async () => {
    const { fault, statuses } = enforcing(60, 1000);
    server = await startFaultServer([], fault);
    const client = createVendorClient<TestPaths>(testVendor, {
      apiKey: TEST_KEY,
      baseUrl: server.url,
      rateLimit: { requests: 60, windowMs: 1000 },
      maxRetries: 0, // a 429 would surface instead of being retried away
    });
    const results = await Promise.all(Array.from({ length: 200 }, () => client.GET("/things")));
    expect(results.map((r) => r.response.status).filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(200);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
  });

  it("without the limiter the same burst does get 429s (the server really enforces)", async () => {
    const { fault, statuses } = enforcing(60, 1000);
    server = await startFaultServer([], fault);
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: server.url, rateLimit: false, maxRetries: 0 });
    await Promise.all(Array.from({ length: 200 }, () => client.GET("/things")));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it("is on by default at the vendor's published limit", async () => {
    server = await startFaultServer([]);
    const starts: number[] = [];
    const client = createVendorClient<TestPaths>(
      { ...testVendor, rateLimitPerMinute: 3 },
      { apiKey: TEST_KEY, baseUrl: server.url, fetch: async (r) => (starts.push(Date.now()), fetch(r)) },
    );
    const burst = Array.from({ length: 4 }, () => client.GET("/things"));
    await new Promise((r) => setTimeout(r, 300));
    // Three go out at once; the fourth waits for the minute to roll over.
    expect(starts).toHaveLength(3);
    void burst; // left pending on purpose: the limiter's wait is not what this test measures
  });

  it("pauses when the server reports an exhausted window", async () => {
    const limiter = new RateLimiter({ requests: 100, windowMs: 60_000 });
    limiter.observe(new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Date.now() / 1000 + 0.3) }));
    const started = Date.now();
    await limiter.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("rejects a nonsensical limit", () => {
    expect(() => new RateLimiter({ requests: 0 })).toThrow(/whole number ≥ 1/);
  });
});

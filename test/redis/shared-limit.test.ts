// The limit shared through a real redis-server: processes sharing one key never overrun a server
// that counts in fixed windows, and the key itself never reaches Redis.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { perWindow, startFixedWindowServer, type FixedWindowServer } from "./fixtures/fixed-window-server.js";
import { startRedis, type RunningRedis } from "./fixtures/redis-server.js";
import { runWorkers } from "./fixtures/run-workers.js";
import { createVendorClient } from "../../src/core/create-client.js";
import { createRedisRateLimitStore } from "../../src/redis/index.js";
import { json, startFaultServer } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const LIMIT = 10;
// Two seconds, so the limiter's slack (10 %: 200 ms) covers how late a start can reach the
// server on a loaded CI machine; with 1 s windows a 100 ms delay was enough for a 429.
const WINDOW_MS = 2_000;

let redis: RunningRedis;
let api: FixedWindowServer | undefined;
beforeAll(async () => (redis = await startRedis()));
beforeEach(() => void redis.cli("FLUSHALL")); // each test starts with an unused limit
afterAll(async () => {
  await api?.close();
  await redis?.stop();
});

describe("a limit shared through Redis by several processes", () => {
  it(`3 processes × 10 calls, one key, a server enforcing ${LIMIT} per ${WINDOW_MS} ms: zero 429s, all succeed`, async () => {
    api = await startFixedWindowServer(LIMIT, WINDOW_MS);
    const statuses = await runWorkers(3, { REDIS_URL: redis.url, BASE_URL: api.url, LIMIT: String(LIMIT), WINDOW_MS: String(WINDOW_MS), CALLS: "10" });
    expect(statuses.flat()).toEqual(Array(30).fill(200));
    expect(api.seen.filter((s) => s.status === 429)).toEqual([]);
    // Every window the server counted held at most its limit, and the run took the windows it needs.
    expect(Math.max(...perWindow(api.seen))).toBeLessThanOrEqual(LIMIT);
    expect(perWindow(api.seen).length).toBeGreaterThanOrEqual(3);
    await api.close();
    api = undefined;
  });

  it("three clients with a limiter each (as three processes without the store) do get 429s: the server really enforces", async () => {
    api = await startFixedWindowServer(LIMIT, WINDOW_MS);
    const clients = Array.from({ length: 3 }, () =>
      createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: api!.url, maxRetries: 0, rateLimit: { requests: LIMIT, windowMs: WINDOW_MS } }),
    );
    await Promise.all(clients.flatMap((client) => Array.from({ length: 10 }, () => client.GET("/things"))));
    expect(api.seen.filter((s) => s.status === 429).length).toBeGreaterThan(0);
    await api.close();
    api = undefined;
  });

  it("stores a fingerprint of the key, never the key", async () => {
    api = await startFixedWindowServer(LIMIT, WINDOW_MS);
    const store = createRedisRateLimitStore({ url: redis.url });
    // A long window, so the keys are still there to look at.
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: api.url, rateLimit: { requests: 5, windowMs: 60_000, store } });
    await Promise.all([client.GET("/things"), client.GET("/things")]);
    await store.close();
    const fingerprint = createHash("sha256").update(TEST_KEY).digest("hex").slice(0, 16);
    const scan = redis.cli("--scan");
    expect(scan.trim().split("\n")).toContain(`ai-vendor-contracts:rate-limit:{testvendor:${fingerprint}}:starts`);
    expect(scan).not.toContain(TEST_KEY);
    expect(redis.cli("ZRANGE", `ai-vendor-contracts:rate-limit:{testvendor:${fingerprint}}:starts`, "0", "-1").trim().split("\n")).toHaveLength(2);
    expect(redis.cli("ZRANGE", `ai-vendor-contracts:rate-limit:{testvendor:${fingerprint}}:starts`, "0", "-1")).not.toContain(TEST_KEY);
  });

  it("a 429 with Retry-After seen by one process pauses every process sharing the key", async () => {
    const arrivals: { at: number; status: number }[] = [];
    const api429 = await startFaultServer([json(429, { message: "slow down" }, { "retry-after": "1" })]);
    const [first, second] = [0, 1].map(() => {
      const store = createRedisRateLimitStore({ url: redis.url }); // a connection each, like two processes
      const client = createVendorClient<TestPaths>(testVendor, {
        apiKey: TEST_KEY,
        baseUrl: api429.url,
        maxRetries: 0,
        fetch: async (url, init) => {
          const response = await fetch(url, init);
          arrivals.push({ at: Date.now(), status: response.status });
          return response;
        },
        rateLimit: { requests: 100, windowMs: 60_000, store },
      });
      return { store, client };
    });
    expect((await first!.client.GET("/things")).response.status).toBe(429);
    // The pause is written without holding up the answer: wait until Redis has it.
    const pauseKey = () => redis.cli("--scan", "--pattern", "*:pause").trim();
    for (let i = 0; i < 100 && !pauseKey(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(Number(redis.cli("PTTL", pauseKey()))).toBeGreaterThan(0);
    expect((await second!.client.GET("/things")).response.status).toBe(200);
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(900);
    await Promise.all([first!.store.close(), second!.store.close(), api429.close()]);
  });

  it("X-RateLimit-Remaining: 0 with X-RateLimit-Reset pauses the shared limit until the reset", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 2;
    const api0 = await startFaultServer([json(200, { ok: true }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) })]);
    const store = createRedisRateLimitStore({ url: redis.url });
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: api0.url, rateLimit: { requests: 100, windowMs: 60_000, store } });
    expect((await client.GET("/things")).response.status).toBe(200);
    const pauseKey = () => redis.cli("--scan", "--pattern", "*:pause").trim();
    for (let i = 0; i < 100 && !pauseKey(); i++) await new Promise((r) => setTimeout(r, 10));
    // Paused until the reset the server named (epoch seconds), on Redis's clock.
    const until = Number(redis.cli("GET", pauseKey()));
    expect(until).toBeGreaterThan(Date.now());
    expect(until).toBeLessThanOrEqual(reset * 1000 + 100);
    await Promise.all([store.close(), api0.close()]);
  });
});

// When Redis is not there, slow, killed mid-run or closed: calls go on under the in-process
// limiter with one warning (or fail, if asked), switch back when it returns, and nothing leaks.
import { spawn, spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { createRedisRateLimitStore, RateLimitStoreError } from "../../src/redis/index.js";
import { startFaultServer, json, type Fault } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";
import { startRedis, type RunningRedis } from "./fixtures/redis-server.js";

let redis: RunningRedis;
let api: Awaited<ReturnType<typeof startFaultServer>> | undefined;
const stores: { close(): Promise<void> }[] = [];
beforeAll(async () => (redis = await startRedis()));
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await api?.close();
  api = undefined;
  redis.cli("FLUSHALL"); // each test starts with an unused limit
});
afterAll(async () => redis?.stop());

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { debug() {}, warn: (message: string) => void warnings.push(message) } };
}

function clientWith(url: string, rateLimit: Record<string, unknown>, logger = recordingLogger().logger) {
  const store = createRedisRateLimitStore({ url, timeoutMs: 300 });
  stores.push(store);
  return createVendorClient<TestPaths>(testVendor, {
    apiKey: TEST_KEY,
    baseUrl: api!.url,
    logger,
    rateLimit: { requests: 100, windowMs: 60_000, store, ...rateLimit },
  });
}

/** A loopback port nothing listens on. */
const deadUrl = "redis://127.0.0.1:1";

describe("Redis store faults", () => {
  it("unreachable at start: calls go on under the in-process limiter, with one warning", async () => {
    api = await startFaultServer([]);
    const { warnings, logger } = recordingLogger();
    const client = clientWith(deadUrl, {}, logger);
    const results = await Promise.all(Array.from({ length: 5 }, () => client.GET("/things")));
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await client.GET("/things")).response.status).toBe(200);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/store unreachable .*in-process limiter/);
  });

  it('onStoreError: "fail" fails the call, names the problem and the fix, and sends nothing', async () => {
    api = await startFaultServer([]);
    const client = clientWith(deadUrl, { onStoreError: "fail" });
    const failure = await client.GET("/things").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RateLimitStoreError);
    expect((failure as Error).message).toMatch(/unreachable .*onStoreError: "fallback"/);
    expect(api.received).toHaveLength(0);
  });

  it("killed mid-run: every call finishes under the fallback, one warning, and the limit is shared again once Redis is back", async () => {
    let served = 0;
    let killed: Promise<void> | undefined;
    const fault: Fault = (req, res) => {
      if (++served === 5) killed = redis.kill();
      json(200, { ok: true })(req, res);
    };
    api = await startFaultServer([], fault);
    const { warnings, logger } = recordingLogger();
    const client = clientWith(redis.url, {}, logger);
    // One by one, so the kill lands between calls.
    for (let i = 0; i < 12; i++) expect((await client.GET("/things")).response.status).toBe(200);
    await killed;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/store unreachable/);

    await redis.restart();
    // ioredis reconnects on its own (at most a second apart); wait for the limiter to say so.
    for (let i = 0; i < 100 && warnings.length < 2; i++) {
      await client.GET("/things");
      if (warnings.length < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(warnings[1]).toMatch(/reachable again/);
    expect(redis.cli("--scan")).toMatch(/:starts/);
  });

  it("an abort while queued in the shared limiter settles at once and leaves its slot unused", async () => {
    api = await startFaultServer([]);
    const client = clientWith(redis.url, { requests: 1 });
    await client.GET("/things");
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("caller gave up")), 50);
    await expect(client.GET("/things", { signal: controller.signal })).rejects.toThrow("caller gave up");
    const keys = redis.cli("--scan").trim().split("\n").filter((k) => k.endsWith(":starts"));
    expect(keys.map((k) => redis.cli("ZCARD", k).trim())).toEqual(["1"]);
    expect(api.received).toHaveLength(1);
  });

  it("close() leaves no connection open, and is safe to call twice", async () => {
    api = await startFaultServer([]);
    const store = createRedisRateLimitStore({ url: redis.url });
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: api.url, rateLimit: { requests: 5, store } });
    await client.GET("/things");
    expect(redis.cli("CLIENT", "LIST")).toContain("name=ai-vendor-contracts-rate-limit");
    await store.close();
    await store.close();
    expect(redis.cli("CLIENT", "LIST")).not.toContain("name=ai-vendor-contracts-rate-limit");
  });

  it("a slow Redis holds no call up: the store's own timeout sends it on under the fallback", async () => {
    api = await startFaultServer([]);
    const { warnings, logger } = recordingLogger();
    const client = clientWith(redis.url, {}, logger);
    await client.GET("/things"); // connected and shared
    redis.cli("CLIENT", "PAUSE", "3000", "ALL"); // Redis holds every command for 3 s
    const order: string[] = [];
    const pauseOver = new Promise<void>((resolve) =>
      spawn("redis-cli", ["-p", String(redis.port), "PING"]).once("close", () => resolve(void order.push("redis answers again"))),
    );
    const call = client.GET("/things").then((r) => void order.push(`call ${r.response.status}`));
    await Promise.all([call, pauseOver]);
    expect(order).toEqual(["call 200", "redis answers again"]);
    expect(warnings).toEqual([expect.stringMatching(/did not answer within 300 ms/)]);
  });

  it("{ client } uses the caller's ioredis client and leaves it open on close()", async () => {
    api = await startFaultServer([]);
    const own = new Redis(redis.url);
    const store = createRedisRateLimitStore({ client: own });
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: api.url, rateLimit: { requests: 5, store } });
    await client.GET("/things");
    await store.close();
    expect(own.status).toBe("ready");
    expect(redis.cli("--scan")).toMatch(/:starts/);
    await own.quit();
  });

  it("refuses a store without exactly one of url or client", () => {
    expect(() => createRedisRateLimitStore({})).toThrow(/exactly one of \{ url \}.*or \{ client \}/);
  });

  it("importing ai-vendor-contracts/redis without ioredis installed fails naming ioredis", () => {
    const hide = new URL("./fixtures/hide-ioredis.mjs", import.meta.url).pathname;
    const entry = new URL("../../src/redis/index.ts", import.meta.url).pathname;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--import", hide, "-e", `import(${JSON.stringify(entry)}).catch((e) => { console.error(e.message); process.exit(3); })`], {
      encoding: "utf8",
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/Cannot find package 'ioredis' imported from \S*\/src\/redis\/index\.ts/);
  });
});

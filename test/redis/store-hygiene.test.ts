// A store leaves nothing behind: on a client the caller passed in, close() takes every listener
// the store added; a store that owns its connection never keeps a finished script alive, whether
// Redis answers or not; and its back-off after a failure runs on the monotonic clock.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { createRedisRateLimitStore } from "../../src/redis/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";
import { startRedis, type RunningRedis } from "./fixtures/redis-server.js";

let redis: RunningRedis;
beforeAll(async () => (redis = await startRedis()));
afterEach(() => {
  vi.useRealTimers();
  redis.cli("FLUSHALL");
});
afterAll(async () => redis?.stop());

const ok = async () => Response.json({ ok: true });
const EVENTS = ["ready", "error", "end", "close", "connect", "reconnecting"];

describe("a store on the caller's ioredis client", () => {
  it("30 stores opened and closed leave no listener behind and no MaxListenersExceededWarning", async () => {
    const own = new Redis(redis.url);
    await once(own, "ready");
    const baseline = EVENTS.map((e) => own.listenerCount(e));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      for (let i = 0; i < 30; i++) {
        const store = createRedisRateLimitStore({ client: own });
        const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch: ok, rateLimit: { requests: 100, store } });
        await client.GET("/things");
        await store.close();
      }
      await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
      expect(EVENTS.map((e) => own.listenerCount(e))).toEqual(baseline);
      expect(warnings).not.toContain("MaxListenersExceededWarning");
      expect(own.status).toBe("ready");
    } finally {
      process.off("warning", onWarning);
      await own.quit();
    }
  });
});

describe("a store that owns its connection", () => {
  /** Runs the idle-store script; resolves with what it printed and how it ended. */
  async function runScript(url: string) {
    const script = new URL("./fixtures/idle-store.ts", import.meta.url).pathname;
    const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, REDIS_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const exit = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    // The report comes before the exit; a script that would hang is ended once it has reported.
    await new Promise<void>((resolve) => {
      child.stdout.on("data", () => out.includes("holding ") && out.endsWith("\n") && resolve());
      void exit.then(() => resolve());
    });
    const holding = /holding (.*)/.exec(out)?.[1];
    if (holding !== "[]") child.kill("SIGKILL");
    const [code] = await exit;
    return { out, holding, code };
  }

  it("never closed, with Redis up: the script prints its result and exits by itself", async () => {
    const run = await runScript(redis.url);
    expect(run.out).toContain('result {"ok":true}');
    expect(run.holding).toBe("[]");
    expect(run.code).toBe(0);
    expect(redis.cli("--scan")).toMatch(/:starts/); // the call did go through Redis
  }, 60_000);

  it("never closed, with Redis unreachable (reconnecting in the background): the script still exits", async () => {
    const run = await runScript("redis://127.0.0.1:1");
    expect(run.out).toContain('result {"ok":true}');
    expect(run.holding).toBe("[]");
    expect(run.code).toBe(0);
  }, 60_000);
});

describe("the store's back-off after a failed command", () => {
  it("ends one second later on the monotonic clock, even when the wall clock has stepped back 10 minutes", async () => {
    // Date and performance.now() move only when the test says; timers and sockets stay real.
    vi.useFakeTimers({ toFake: ["Date", "performance"] });
    const warnings: string[] = [];
    const store = createRedisRateLimitStore({ url: redis.url, timeoutMs: 300 });
    const client = createVendorClient<TestPaths>(testVendor, {
      apiKey: TEST_KEY,
      fetch: ok,
      logger: { debug() {}, warn: (m: string) => void warnings.push(m) },
      rateLimit: { requests: 100, store },
    });
    try {
      await client.GET("/things"); // through Redis
      redis.cli("CLIENT", "PAUSE", "1000", "ALL");
      await client.GET("/things"); // Redis does not answer within 300 ms: the fallback serves it
      redis.cli("PING"); // answered once the pause is over
      expect(warnings).toEqual([expect.stringMatching(/did not answer within 300 ms/)]);
      vi.setSystemTime(Date.now() - 10 * 60_000);
      vi.advanceTimersByTime(1_001); // the back-off is over by the monotonic clock
      await client.GET("/things");
      expect(warnings[1]).toMatch(/reachable again/);
    } finally {
      await store.close();
    }
  }, 30_000);
});

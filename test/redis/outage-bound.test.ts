// Redis killed and revived at random moments while several clients (each with its own store and
// connection, as separate processes have) keep a shared limit saturated. Counted at a loopback
// server: no client ever starts more than `requests` in a window, across every switch between
// Redis and its in-process fallback, so all of them together never pass clients × `requests`
// (the bound the README states for an outage). Each request carries the moment its client sent
// it, and the server counts by that: how late a request arrives on a loaded machine is not the
// limiter's doing.
// Replay a failing run with the seed it prints: OUTAGE_SEED=<seed> npx vitest run test/redis/outage-bound.test.ts
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { createRedisRateLimitStore } from "../../src/redis/index.js";
import { propertySeed } from "../helpers.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";
import { startRedis, type RunningRedis } from "./fixtures/redis-server.js";

const REQUESTS = 4;
const WINDOW_MS = 2_000;
const CLIENTS = 3;
/** Calls in flight per client at any time, so every limiter is always full. */
const LOOPS = 3;
const RUN_MS = 2.5 * WINDOW_MS;

let redis: RunningRedis;
let server: Server;
let url: string;
const arrivals: { at: number; client: string }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  server = createServer((req, res) => {
    arrivals.push({ at: Number(req.headers["x-sent-at"]), client: String(req.headers["x-client"]) });
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The most arrivals that fall in any window of `WINDOW_MS`. */
function busiestWindow(times: number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + WINDOW_MS).length));
}

const outages = fc.array(fc.record({ atMs: fc.integer({ min: 0, max: RUN_MS - 1_000 }), downMs: fc.integer({ min: 200, max: 2 * WINDOW_MS }) }), {
  minLength: 1,
  maxLength: 3,
});

async function play(plan: { atMs: number; downMs: number }[]) {
  arrivals.length = 0;
  redis.cli("FLUSHALL");
  const stores = Array.from({ length: CLIENTS }, () => createRedisRateLimitStore({ url: redis.url, timeoutMs: 300 }));
  const clients = stores.map((store, i) =>
    createVendorClient<TestPaths>(testVendor, {
      apiKey: TEST_KEY,
      baseUrl: url,
      headers: { "x-client": String(i) },
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set("x-sent-at", String(performance.now()));
        return fetch(input, { ...init, headers });
      },
      logger: { debug() {}, warn() {} },
      rateLimit: { requests: REQUESTS, windowMs: WINDOW_MS, store },
    }),
  );
  const began = performance.now();
  const end = began + RUN_MS;
  const loops = clients.flatMap((client) =>
    Array.from({ length: LOOPS }, async () => {
      while (performance.now() < end) await client.GET("/things");
    }),
  );
  // Outages one after another, each at its moment (or at once if the last one ran past it).
  const outagesDone = (async () => {
    for (const { atMs, downMs } of [...plan].sort((a, b) => a.atMs - b.atMs)) {
      await sleep(began + atMs - performance.now());
      await redis.kill();
      await sleep(downMs);
      await redis.restart();
    }
  })();
  await Promise.all([...loops, outagesDone]);
  await Promise.all(stores.map((s) => s.close()));
}

describe("property: Redis killed and revived at random moments under several clients", () => {
  const seed = propertySeed("OUTAGE_SEED");
  it(`no client starts more than ${REQUESTS} per window, so ${CLIENTS} clients never pass ${CLIENTS * REQUESTS} (seed ${seed})`, async () => {
    let report = "";
    try {
      await fc.assert(
        fc.asyncProperty(outages, async (plan) => {
          await play(plan);
          const perClient = Array.from({ length: CLIENTS }, (_, i) => busiestWindow(arrivals.filter((a) => a.client === String(i)).map((a) => a.at)));
          const all = busiestWindow(arrivals.map((a) => a.at));
          report = `busiest window per client ${JSON.stringify(perClient)}, all clients ${all}, ${arrivals.length} requests`;
          return perClient.every((n) => n <= REQUESTS) && all <= CLIENTS * REQUESTS && arrivals.length >= CLIENTS * REQUESTS;
        }),
        { seed, numRuns: 2, endOnFailure: true },
      );
    } catch (error) {
      throw new Error(`Outage property failed; replay with OUTAGE_SEED=${seed}\n${report}\n${(error as Error).message}`);
    }
    expect(report).toMatch(/busiest window/);
  }, 120_000);
});

// The secrets invariant suite (issue 22): whatever an upstream, a transport or a caller does, no
// channel a user can see — thrown or returned errors (util.inspect of the whole cause chain,
// toJSON), logger lines, the CLI's output, Redis keys and values, requests to another origin —
// shows the key, any 8-character piece of its secret part, or a baseUrl's password; whatever a
// public call throws is a VendorError, and messages stay within their bound.
// The CLI's part (verify against an upstream that echoes the key) is test/cli/verify-echo.test.ts,
// in a file of its own so its Prism proxy starts while this file runs.
// Replay a failure with the seed it prints: SECRETS_SEED=<seed> npx vitest run test/faults/secrets
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { ConfigurationError, unwrap, VendorError } from "../../src/index.js";
import { createRedisRateLimitStore } from "../../src/redis/index.js";
import { mswHandlers } from "../../src/testing/msw/index.js";
import { leaks, shownError } from "../fixtures/secret-scan.js";
import { mockUrl } from "../helpers.js";
import { startRedis, type RunningRedis } from "../redis/fixtures/redis-server.js";
import { startRouter, type Router } from "./harness.js";
import { echoEnvelope, MAX_ERROR_MESSAGE_CHARS, runSecretScenario } from "./secret-run.js";
import { canaryKey, secretScenario, type Vendor } from "./secret-scenario.js";

const SEED = process.env.SECRETS_SEED ? Number(process.env.SECRETS_SEED) : Math.floor(Math.random() * 2 ** 31);
const SCENARIOS = Number(process.env.SECRETS_SCENARIOS ?? 200);
const BATCH = 50;
const replay = `replay with SECRETS_SEED=${SEED}`;

/** One canary per vendor (and per auth scheme: AILabsAudit takes two), drawn from the seed. */
const CANARIES: { vendor: Vendor; scheme: string; key: string }[] = [
  { vendor: "aiclicks", scheme: "bearer", key: canaryKey("aiclicks", SEED) },
  { vendor: "ailabsaudit", scheme: "apiKeyHeader", key: canaryKey("ailabsaudit", SEED + 1) },
  { vendor: "ailabsaudit", scheme: "bearer", key: canaryKey("ailabsaudit", SEED + 2) },
  { vendor: "aiptx", scheme: "bearer", key: canaryKey("aiptx", SEED + 3) },
  { vendor: "ayliea", scheme: "apiKeyHeader", key: canaryKey("ayliea", SEED + 4) },
];
const CREATE: Record<Vendor, (options: Record<string, unknown>) => any> = {
  aiclicks: createAiclicksClient,
  ailabsaudit: createAilabsauditClient,
  aiptx: createAiptxClient,
  ayliea: createAylieaClient,
};
const clientOptions = (c: (typeof CANARIES)[number]) => ({ apiKey: c.key, ...(c.vendor === "ailabsaudit" ? { auth: c.scheme } : {}) });

/** What a settled call left for the user to see: the typed error (thrown, or unwrapped from the result). */
async function settle(call: () => Promise<unknown>): Promise<unknown> {
  try {
    const result = (await call()) as { response?: Response } | undefined;
    if (result?.response instanceof Response && !result.response.ok) unwrap(result as never);
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Broken invariants of one settled error: its type, its message's length, and leaks in it and in `channels`. */
function checkError(error: unknown, key: string, channels: Record<string, string> = {}, passwords: string[] = []): string[] {
  const broken: string[] = [];
  if (error !== undefined && !(error instanceof VendorError)) broken.push(`threw a ${(error as Error)?.name}: ${(error as Error)?.message}`);
  if (error instanceof VendorError && error.message.length > MAX_ERROR_MESSAGE_CHARS) broken.push(`a message of ${error.message.length} characters`);
  return [...broken, ...leaks({ error: shownError(error), ...channels }, key, passwords)];
}

let vendorServer: Router;
let otherServer: Router;
beforeAll(async () => {
  vendorServer = await startRouter();
  otherServer = await startRouter();
});
afterAll(async () => {
  await Promise.all([vendorServer?.close(), otherServer?.close()]);
});

describe(`secrets invariant suite (seed ${SEED})`, () => {
  it(`${SCENARIOS} hostile upstreams and transports against every client and helper: no key, typed errors, bounded messages`, async () => {
    let reported: string[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(secretScenario, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const results = await Promise.all(batch.map((s) => runSecretScenario(s, { vendorServer, otherServer })));
          reported = results.flatMap((broken, i) => (broken.length ? [`${broken.join("; ")}\n  in ${JSON.stringify(batch[i])}`] : []));
          return reported.length === 0;
        }),
        // No shrinking: a failing batch names its failing scenarios itself.
        { seed: SEED, numRuns: Math.ceil(SCENARIOS / BATCH), endOnFailure: true },
      );
    } catch (error) {
      throw new Error(`Secrets suite failed; ${replay}\n${reported.join("\n")}\n\n${(error as Error).message.slice(0, 2_000)}`);
    }
  }, 60_000);

  it("a baseUrl with a password, per client and per call: a ConfigurationError that never shows it", async () => {
    const password = `pw${canaryKey("aiptx", SEED + 5).slice(0, 14)}`;
    const broken = [];
    for (const c of CANARIES) {
      for (const baseUrl of [`https://user:${password}@api.example.com`, `http://user:${password}@127.0.0.1:9`, `https://api.example.com/?token=${password}`]) {
        let error: unknown;
        try {
          CREATE[c.vendor]({ ...clientOptions(c), baseUrl });
        } catch (thrown) {
          error = thrown;
        }
        if (!(error instanceof ConfigurationError)) broken.push(`${c.vendor}: baseUrl ${baseUrl.replace(password, "<password>")} was accepted`);
        broken.push(...checkError(error, c.key, {}, [password]));
      }
      let sent = 0;
      const client = CREATE[c.vendor]({ ...clientOptions(c), rateLimit: false, fetch: async () => (sent++, Response.json({})) });
      const error = await settle(() => client.GET("/anything", { baseUrl: `http://user:${password}@api.example.com` }));
      if (!(error instanceof ConfigurationError) || sent > 0) broken.push(`${c.vendor}: a per-call baseUrl was not refused`);
      broken.push(...checkError(error, c.key, {}, [password]));
    }
    expect(broken, replay).toEqual([]);
  });

  it("the MSW kit: refusals and answers to a client with the canary key", async () => {
    const server = setupServer(...CANARIES.map((c) => c.vendor).filter((v, i, all) => all.indexOf(v) === i).flatMap((v) => mswHandlers(v).handlers));
    server.listen({ onUnhandledRequest: "bypass" });
    const broken: string[] = [];
    try {
      for (const c of CANARIES) {
        const lines: string[] = [];
        const logger = { debug: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`), warn: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`) };
        const client = CREATE[c.vendor]({ ...clientOptions(c), logger, rateLimit: false, validate: "strict" });
        // A path outside the spec (404), a list with a parameter the spec forbids (400), and the key as a parameter value.
        for (const call of [
          () => client.GET("/not/in/the/spec"),
          () => client.GET(c.vendor === "ayliea" ? "/recommendations" : "/clients", { params: { query: { limit: 0, per_page: 500 } }, validate: "off" }),
          () => client.GET("/not/in/the/spec", { params: { query: { q: "x" } }, headers: { "x-trace": "t" } }),
        ]) {
          broken.push(...checkError(await settle(call), c.key, { logs: lines.join("\n") }).map((b) => `${c.vendor}/${c.scheme}: ${b}`));
        }
      }
    } finally {
      server.close();
    }
    expect(broken, replay).toEqual([]);
  });

  it("startMock (the shared Prism mocks): unauthorized, invalid and unknown requests", async () => {
    const broken: string[] = [];
    for (const c of CANARIES) {
      const lines: string[] = [];
      const logger = { debug: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`), warn: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`) };
      const client = CREATE[c.vendor]({ ...clientOptions(c), baseUrl: mockUrl(c.vendor), logger, rateLimit: false, validate: "warn", maxRetries: 0 });
      for (const call of [() => client.GET("/not/in/the/spec"), () => client.paginateRaw(c.vendor === "aiptx" ? "/scans" : c.vendor === "ayliea" ? "/recommendations" : c.vendor === "ailabsaudit" ? "/clients" : "/api/v1/domains", {}, { maxPages: 2 }).toArray()]) {
        broken.push(...checkError(await settle(call), c.key, { logs: lines.join("\n") }).map((b) => `${c.vendor}/${c.scheme}: ${b}`));
      }
    }
    expect(broken, replay).toEqual([]);
  }, 60_000);

  it("the Redis store: keys and values never hold the key; a store failure is a VendorError without it", async () => {
    let redis: RunningRedis | undefined;
    const stores: { close(): Promise<void> }[] = [];
    const broken: string[] = [];
    try {
      redis = await startRedis();
      for (const c of CANARIES) {
        const store = createRedisRateLimitStore({ url: redis.url, timeoutMs: 1_000 });
        stores.push(store);
        const lines: string[] = [];
        const logger = { debug: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`), warn: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`) };
        // 429s with Retry-After: the shared pause is written too.
        const fetch = async () => Response.json(echoEnvelope(`Invalid key ${c.key}`), { status: 429, headers: { "retry-after": "0" } });
        const client = CREATE[c.vendor]({ ...clientOptions(c), baseUrl: "https://api.example.com", fetch, logger, maxRetries: 1, rateLimit: { requests: 5, windowMs: 1_000, store } });
        broken.push(...checkError(await settle(() => client.GET("/x")), c.key, { logs: lines.join("\n") }).map((b) => `${c.vendor}: ${b}`));
      }
      const keys = redis.cli("--scan");
      const values = keys.split("\n").filter(Boolean).map((k) => `${k} ${redis!.cli("TYPE", k)} ${redis!.cli("DUMP", k)}`).join("\n");
      for (const c of CANARIES) broken.push(...leaks({ "Redis keys": keys, "Redis values": values }, c.key));
      // Unreachable with onStoreError "fail": a RateLimitStoreError, a VendorError without the key.
      const dead = createRedisRateLimitStore({ url: "redis://127.0.0.1:1", timeoutMs: 200 });
      stores.push(dead);
      const c = CANARIES[0]!;
      const client = CREATE[c.vendor]({ ...clientOptions(c), fetch: async () => Response.json({}), rateLimit: { requests: 5, store: dead, onStoreError: "fail" } });
      const error = await settle(() => client.GET("/x"));
      if (!(error instanceof VendorError)) broken.push(`store failure: ${String(error)}`);
      broken.push(...checkError(error, c.key));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await redis?.stop();
    }
    expect(broken, replay).toEqual([]);
  }, 60_000);
});


// Fault injection on a loopback server: every fault ends either recovered after a known number of
// attempts or as the right error class — never an unhandled rejection, never with the key in sight.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createVendorClient, type ClientOptions } from "../../src/core/create-client.js";
import {
  AuthenticationError,
  ConnectionError,
  MalformedResponseError,
  RateLimitError,
  ServerError,
  TimeoutError,
  unwrap,
  VendorError,
} from "../../src/index.js";
import { collectGarbageFor } from "../fixtures/collect-garbage.js";
import { hang, held, json, raw, reset, startFaultServer, type Fault } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";
import { recordingLogger } from "../helpers.js";

let server: Awaited<ReturnType<typeof startFaultServer>> | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

const { logger, lines, logged } = recordingLogger();

/** Only the client's waits run on the fake clock; the loopback server's sockets stay real. */
const fakeClock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

async function clientFor(script: Fault[], options: ClientOptions = {}) {
  server = await startFaultServer(script);
  return createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: server.url, logger, ...options });
}

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error) {
    return error as VendorError;
  }
  throw new Error("expected the call to fail");
}

function expectNoKey(error: unknown) {
  const seen = [String(error), (error as Error).stack, JSON.stringify(error), ...lines].join("\n");
  expect(seen).not.toContain(TEST_KEY);
}

afterEach(() => {
  expect(lines.join("\n")).not.toContain(TEST_KEY);
  lines.length = 0;
});

describe("retries", () => {
  it("429 with Retry-After in seconds: waits, then succeeds on attempt 2", async () => {
    const client = await clientFor([json(429, { message: "slow down" }, { "retry-after": "1" }), json(200, { ok: 1 })]);
    const result = await client.GET("/things");
    expect(result.data).toEqual({ ok: 1 });
    expect(server!.received).toHaveLength(2);
    // Measured by the server: load can only lengthen the gap between the attempts, never shorten it.
    expect(server!.received[1]!.at - server!.received[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("429 with an HTTP-date Retry-After: waits until then", async () => {
    const at = new Date(Date.now() + 1500).toUTCString();
    const client = await clientFor([json(429, {}, { "retry-after": at }), json(200, { ok: 2 })]);
    expect(unwrap(await client.GET("/things"))).toEqual({ ok: 2 });
    expect(server!.received).toHaveLength(2);
  });

  it("429 with X-RateLimit-Remaining 0 and X-RateLimit-Reset: waits for the reset", async () => {
    const resetAt = String(Math.ceil(Date.now() / 1000) + 1);
    const client = await clientFor(
      [json(429, {}, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetAt }), json(200, { ok: 3 })],
      { rateLimit: false },
    );
    expect(unwrap(await client.GET("/things"))).toEqual({ ok: 3 });
    expect(server!.received).toHaveLength(2);
    expect(server!.received[1]!.at).toBeGreaterThanOrEqual(Number(resetAt) * 1000 - 50);
  });

  it.each([500, 502, 503, 504])("%i then success: recovered on attempt 2", async (status) => {
    const client = await clientFor([json(status, { message: "upstream" }), json(200, { ok: status })]);
    expect(unwrap(await client.GET("/things"))).toEqual({ ok: status });
    expect(server!.received).toHaveLength(2);
  });

  it("gives up after maxRetries: 3 attempts, then a ServerError with status and request id", async () => {
    const down = json(503, { message: "down" }, { "retry-after": "0" });
    const client = await clientFor([down, down, down, json(200, {})], { maxRetries: 2 });
    const result = await client.GET("/things");
    expect(server!.received).toHaveLength(3);
    const error = (await failure(Promise.resolve().then(() => unwrap(result)))) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(503);
    expect(error.requestId).toBe(result.requestId);
    expect(error.message).toMatch(/HTTP 503: down\. .*retry later/);
  });

  it("sends the same X-Request-Id on every attempt, with an attempt counter", async () => {
    const busy = json(503, {}, { "retry-after": "0" });
    const client = await clientFor([busy, busy, json(200, {})]);
    const result = await client.GET("/things");
    const ids = server!.received.map((r) => r.headers["x-request-id"]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBe(result.requestId);
    expect(server!.received.map((r) => r.headers["x-attempt"])).toEqual(["1", "2", "3"]);
  });

  it("connection reset on a GET: retried and recovered", async () => {
    const client = await clientFor([reset, json(200, { back: true })]);
    expect(unwrap(await client.GET("/things"))).toEqual({ back: true });
    expect(server!.received).toHaveLength(2);
  });

  it("connection reset on a POST: not retried (it may have reached the server), ConnectionError", async () => {
    const client = await clientFor([reset, json(200, {})]);
    const error = await failure(client.POST("/things", { body: { a: 1 } }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server!.received).toHaveLength(1);
    expectNoKey(error);
  });

  it("503 on a POST: returned at once; retried only when the caller opts in", async () => {
    const busy = json(503, { message: "busy" }, { "retry-after": "0" });
    const client = await clientFor([busy, busy, json(201, { id: 1 })]);
    const first = await client.POST("/things", { body: {} });
    expect(first.response.status).toBe(503);
    expect(server!.received).toHaveLength(1);
    const second = await client.POST("/things", { body: {}, retryNonIdempotent: true });
    expect(second.data).toEqual({ id: 1 });
    expect(server!.received).toHaveLength(3);
  });

  it("a POST to a closed port (cannot have reached a server) is retried", async () => {
    const closed = await startFaultServer([]);
    await closed.close();
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: closed.url, maxRetries: 1, logger });
    const error = await failure(client.POST("/things", { body: {} }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(lines.filter((l) => l.startsWith("POST "))).toHaveLength(2);
    expect(error.message).toMatch(/attempt 2 of 2/);
  });

  it("a wait longer than maxRetryWaitMs is not taken: RateLimitError at once with retryAfter (on a fake clock)", async () => {
    const client = await clientFor([json(429, { message: "quota" }, { "retry-after": "120" })], { throwOnError: true });
    // The clock never moves: a client that waited at all would not settle (the test's timeout ends it).
    fakeClock();
    const error = (await failure(client.GET("/things"))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120_000);
    expect(error.message).toMatch(/120 s/);
    expect(server!.received).toHaveLength(1);
  });

  it("the caller's AbortSignal ends a Retry-After wait early (on a fake clock)", async () => {
    const client = await clientFor([json(429, {}, { "retry-after": "30" })]);
    fakeClock();
    const controller = new AbortController();
    const call = client.GET("/things", { signal: controller.signal });
    // The client logs its decision, then starts the 30 s wait; the abort lands inside that wait.
    expect(await logged(/^retrying after HTTP 429 .*"waitMs":30000/)).toBeTruthy();
    controller.abort(new Error("user gave up"));
    // The clock never moved, so the 30 s timer cannot be what ended the wait.
    await expect(call).rejects.toThrow("user gave up");
    expect(server!.received).toHaveLength(1);
  });
});

describe("timeouts", () => {
  it("a response that never comes: TimeoutError after every attempt timed out", async () => {
    const client = await clientFor([hang, hang], { timeoutMs: 100, maxRetries: 1 });
    const error = await failure(client.GET("/things"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/within 100 ms/);
    // Counted by the client: under load an attempt can time out before the server records it.
    expect(error.message).toMatch(/attempt 2 of 2/);
    expect(server!.received.length).toBeLessThanOrEqual(2);
    expectNoKey(error);
  });

  it("timeoutMs per call overrides the client's, with a fresh timer per attempt (on a fake clock)", async () => {
    // Each attempt is answered 900 ms after it arrives: past the client's 50 ms, within the call's
    // 1000 ms, and the two together past 1000 ms, so one timer for both attempts would fire.
    const busy = held(json(503, {}, { "retry-after": "0" }));
    const slow = held(json(200, { slow: true }));
    const client = await clientFor([busy.fault, slow.fault], { timeoutMs: 50, maxRetries: 1 });
    fakeClock();
    const call = client.GET("/things", { timeoutMs: 1000 });
    await server!.untilReceived(1);
    await vi.advanceTimersByTimeAsync(900);
    busy.answer();
    await logged(/^retrying after HTTP 503/);
    await vi.advanceTimersByTimeAsync(0); // the Retry-After: 0 wait
    await server!.untilReceived(2);
    await vi.advanceTimersByTimeAsync(900);
    slow.answer();
    expect(unwrap(await call)).toEqual({ slow: true });
    expect(server!.received).toHaveLength(2);
  });
});

describe("broken bodies", () => {
  const cases: [string, Fault, RegExp][] = [
    ["truncated JSON", raw(200, '{"items": [1, 2, 3', { "content-type": "application/json" }), /not valid JSON/],
    ["an HTML page", raw(200, "<html><body>Maintenance</body></html>", { "content-type": "text/html" }), /content type "text\/html"/],
    ["an empty body", raw(200, "", { "content-type": "application/json" }), /empty body/],
    ["JSON with a wrong content type", raw(200, '{"a":1}', { "content-type": "text/plain" }), /content type "text\/plain"/],
  ];
  const jsonOps = { ...testVendor, operations: { "GET /things": { operationId: "listThings", scopes: [], responseKind: "json" as const, mediaTypes: ["application/json"] } } };

  it.each(cases)("200 with %s: MalformedResponseError with status, request id and the body's start", async (_name, fault, message) => {
    server = await startFaultServer([fault]);
    const client = createVendorClient<TestPaths>(jsonOps, { apiKey: TEST_KEY, baseUrl: server.url, logger });
    const error = (await failure(client.GET("/things"))) as MalformedResponseError;
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.status).toBe(200);
    expect(error.requestId).toBe(server.received[0]!.headers["x-request-id"]);
    expect(error.message).toMatch(message);
    expect(error.message).toContain("listThings");
    expectNoKey(error);
  });

  it("200 whose connection breaks mid-body: MalformedResponseError saying so, not a TypeError", async () => {
    const cut: Fault = (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"items": [1, 2,', () => req.socket.destroy());
    };
    server = await startFaultServer([cut]);
    // No attempt left: with one, the body is read again (test/core/body-retry.test.ts).
    const client = createVendorClient<TestPaths>(jsonOps, { apiKey: TEST_KEY, baseUrl: server.url, logger, maxRetries: 0 });
    const error = (await failure(client.GET("/things"))) as MalformedResponseError;
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/connection broke while the body was being read/);
    expect(error.requestId).toBe(server.received[0]!.headers["x-request-id"]);
    expectNoKey(error);
  });

  it("200 whose body stalls past timeoutMs: TimeoutError naming the body", async () => {
    const stall: Fault = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"items": [1, 2,');
    };
    server = await startFaultServer([stall]);
    const client = createVendorClient<TestPaths>(jsonOps, { apiKey: TEST_KEY, baseUrl: server.url, logger, timeoutMs: 1_000, maxRetries: 0 });
    const error = await failure(client.GET("/things"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/the body did not arrive within 1000 ms/);
    expectNoKey(error);
  });

  /** Sends the headers and the first bytes of a 1000-byte body, then nothing. */
  const stalledStream: Fault = (_req, res) => {
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": "1000" });
    res.write("first bytes");
  };

  it("parseAs stream: a body that stalls past timeoutMs errors the stream the caller reads", async () => {
    const client = await clientFor([stalledStream], { timeoutMs: 1_000 });
    const { data } = await client.GET("/things", { parseAs: "stream" });
    const reading = new Response(data as ReadableStream).text();
    await expect(reading).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("a stalled body still times out when the garbage collector runs while it waits", async () => {
    const client = await clientFor([stalledStream], { timeoutMs: 1_000 });
    const { data } = await client.GET("/things", { parseAs: "stream" });
    const reading = new Response(data as ReadableStream).text().then(
      () => "finished",
      (error: Error) => error.name,
    );
    await collectGarbageFor(500);
    // A timeout that no longer reaches the body leaves `reading` pending: the test's timeout ends it.
    expect(await reading).toBe("TimeoutError");
  });

  it("502 with an HTML page: retried, then a ServerError carrying the first 200 characters", async () => {
    const page = `<html>${"x".repeat(500)}</html>`;
    const bad = raw(502, page, { "content-type": "text/html" });
    const client = await clientFor([bad, bad, bad], { maxRetries: 2 });
    const result = await client.GET("/things");
    expect(server!.received).toHaveLength(3);
    const error = await failure(Promise.resolve().then(() => unwrap(result)));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(502);
    expect((error as ServerError).body).toBe(`${page.slice(0, 200)}…`);
  }, 10_000);

  it("a 2 MB body arrives whole", async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: i, text: "y".repeat(80) }));
    const client = await clientFor([json(200, { items })]);
    const { data } = await client.GET("/things");
    expect(JSON.stringify(data).length).toBeGreaterThan(2_000_000);
    expect((data as { items: unknown[] }).items).toHaveLength(20_000);
  });
});

describe("secrets", () => {
  it("a 401 error, its JSON and the debug log never contain the key", async () => {
    const client = await clientFor([json(401, { message: "bad key" })], { throwOnError: true });
    const error = await failure(client.GET("/things"));
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoKey(error);
    expect(lines.some((l) => l.includes('"authorization":"[redacted]"'))).toBe(true);
  });
});

describe("logging", () => {
  it("logs each attempt, the retry and its wait, with secrets redacted", async () => {
    const client = await clientFor([json(503, {}, { "retry-after": "0" }), json(200, {})]);
    await client.GET("/things");
    expect(lines.filter((l) => l.startsWith("GET "))).toHaveLength(2);
    expect(lines.some((l) => l.startsWith("retrying after HTTP 503") && l.includes('"waitMs":0'))).toBe(true);
  });

  it("logs a wait imposed by the client-side rate limiter", async () => {
    const client = await clientFor([], { rateLimit: { requests: 1, windowMs: 100 } });
    await Promise.all([client.GET("/things"), client.GET("/things")]);
    expect(lines.some((l) => l.startsWith("waited for the client-side rate limiter"))).toBe(true);
  });
});

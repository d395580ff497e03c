// Reading a buffered body is part of its attempt (issue 23.1): a GET whose body breaks or stalls
// is tried again while attempts remain; a POST is not (the server acted); a stream handed to the
// caller is theirs. And every request that goes out takes a rate-limit slot, redirect hops too (23.3).
import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import type { RateLimiter, RateLimitStore } from "../../src/core/rate-limit.js";
import { MalformedResponseError, TimeoutError } from "../../src/index.js";
import { json, startFaultServer, type Fault } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

let server: Awaited<ReturnType<typeof startFaultServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const jsonOps = {
  ...testVendor,
  operations: { "GET /things": { operationId: "listThings", scopes: [], responseKind: "json" as const, mediaTypes: ["application/json"] } },
};

/** Headers and the first bytes of a 1000-byte JSON body, then the connection is cut. */
const cut: Fault = (req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
  res.write('{"items": [1, 2,', () => req.socket.destroy());
};
/** Headers and the first bytes of a 1000-byte JSON body, then nothing. */
const stall: Fault = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
  res.write('{"items": [1, 2,');
};

async function clientFor(script: Fault[], options: Parameters<typeof createVendorClient>[1] = {}) {
  server = await startFaultServer(script);
  return createVendorClient<TestPaths>(jsonOps, { apiKey: TEST_KEY, baseUrl: server.url, rateLimit: false, ...options });
}

describe("a buffered body that fails is retried with its attempt", () => {
  it("a GET whose connection breaks mid-body succeeds on attempt 2", async () => {
    const client = await clientFor([cut, json(200, { items: [1, 2, 3] })]);
    const { data } = await client.GET("/things");
    expect(data).toEqual({ items: [1, 2, 3] });
    expect(server!.received.map((r) => r.headers["x-attempt"])).toEqual(["1", "2"]);
  });

  it("a GET whose body stalls past timeoutMs succeeds on attempt 2 (an error body too)", async () => {
    const client = await clientFor([stall, json(200, { items: [] })], { timeoutMs: 1_000 });
    expect((await client.GET("/things")).data).toEqual({ items: [] });
    const stalledError: Fault = (_req, res) => {
      res.writeHead(404, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"message":');
    };
    const again = await clientFor([stalledError, json(404, { message: "no such thing" })], { timeoutMs: 1_000 });
    const { error } = await again.GET("/things");
    expect(error).toEqual({ message: "no such thing" });
  });

  it("with no attempt left, the body's failure is the error, as before", async () => {
    const client = await clientFor([cut, cut, cut]);
    await expect(client.GET("/things")).rejects.toThrow(MalformedResponseError);
    expect(server!.received).toHaveLength(3);
    const once = await clientFor([stall], { timeoutMs: 1_000, maxRetries: 0 });
    await expect(once.GET("/things")).rejects.toThrow(TimeoutError);
  });

  it("a POST whose body breaks is not sent again: the server may have acted", async () => {
    const client = await clientFor([cut, json(200, { ok: true })]);
    await expect(client.POST("/things", { body: {} })).rejects.toThrow(MalformedResponseError);
    expect(server!.received).toHaveLength(1);
  });

  it("a stream handed to the caller is theirs: its failure is not retried", async () => {
    const client = await clientFor([cut, json(200, { ok: true })]);
    const { data } = await client.GET("/things", { parseAs: "stream" });
    await expect(new Response(data as ReadableStream).text()).rejects.toThrow();
    expect(server!.received).toHaveLength(1);
  });
});

describe("redirect hops take a rate-limit slot each", () => {
  it("a 307 to /things/ (FastAPI's trailing slash) takes two slots: two requests reach the server", async () => {
    let acquired = 0;
    const counting: RateLimiter = { acquire: async () => void acquired++, observe: () => {} };
    const store: RateLimitStore = { limiter: () => counting };
    const toSlash: Fault = (_req, res) => {
      res.writeHead(307, { location: "/things/" });
      res.end();
    };
    const client = await clientFor([toSlash, json(200, { items: [] }), toSlash, json(200, { items: [] })], { rateLimit: { requests: 3, store } });
    await client.GET("/things");
    await client.GET("/things");
    expect(server!.received).toHaveLength(4);
    expect(acquired).toBe(4);
  });
});

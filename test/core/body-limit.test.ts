// maxResponseBytes: a JSON body over the bound (32 MiB unless set) fails with a typed error, at
// once by Content-Length or while it streams, without being buffered whole; downloads are
// unbounded unless the option is set.
import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient, DEFAULT_MAX_RESPONSE_BYTES, type ClientOptions } from "../../src/core/create-client.js";
import { ConfigurationError, MalformedResponseError, ResponseTooLargeError, VendorError } from "../../src/index.js";
import { startFaultServer, type Fault } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const jsonOps = {
  ...testVendor,
  operations: {
    "GET /things": { operationId: "listThings", scopes: [], responseKind: "json" as const, mediaTypes: ["application/json"] },
    "GET /file": { operationId: "getFile", scopes: [], responseKind: "binary" as const, mediaTypes: ["application/pdf"] },
  },
};

/** A body of `chunk`-byte pieces that never ends; counts what was pulled and whether it was cancelled. */
function endless(chunk = 16 * 1024) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled++;
      controller.enqueue(new Uint8Array(chunk).fill(32));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

function answering(body: BodyInit | null, headers: Record<string, string>, status = 200) {
  return (async () => new Response(body, { status, headers })) as unknown as typeof globalThis.fetch;
}

const client = (fetch: typeof globalThis.fetch, options: ClientOptions = {}) =>
  createVendorClient<TestPaths>(jsonOps, { apiKey: TEST_KEY, fetch, rateLimit: false, validate: "off", ...options });

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: VendorError) => error,
  );
}

describe("maxResponseBytes", () => {
  it("is 32 MiB by default, and a Content-Length over it fails at once without reading the body", async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
    const { stream, seen } = endless();
    const headers = { "content-type": "application/json", "content-length": String(DEFAULT_MAX_RESPONSE_BYTES + 1) };
    const error = (await failure(client(answering(stream, headers)).GET("/things"))) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.status).toBe(200);
    expect(error.maxResponseBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    expect(error.message).toMatch(/listThings .* over maxResponseBytes \(33554432 bytes; Content-Length says 33554433\).*raise maxResponseBytes/);
    expect(seen.pulled).toBeLessThanOrEqual(1); // at most the stream's own first pull, nothing read
    expect(seen.cancelled).toBe(true);
  });

  it.each(["stream", "arrayBuffer"] as const)(
    'parseAs: "%s" with a Content-Length over maxResponseBytes fails at once, reading nothing',
    async (parseAs) => {
      const { stream, seen } = endless();
      const headers = { "content-type": "application/pdf", "content-length": "2048" };
      const call = client(answering(stream, headers), { maxResponseBytes: 1024 }).GET("/file", { parseAs });
      const error = (await failure(call)) as ResponseTooLargeError;
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error.message).toMatch(/getFile .* over maxResponseBytes \(1024 bytes; Content-Length says 2048\)/);
      expect(seen.pulled).toBeLessThanOrEqual(1);
      expect(seen.cancelled).toBe(true);
    },
  );

  it("a streaming body that passes the bound fails while it streams, having read no more than the bound", async () => {
    const { stream, seen } = endless(16 * 1024);
    const error = await failure(client(answering(stream, { "content-type": "application/json" }), { maxResponseBytes: 64 * 1024 }).GET("/things"));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(seen.pulled).toBeLessThanOrEqual(64 / 16 + 2);
    expect(seen.cancelled).toBe(true);
  });

  it("the per-call option overrides the client's", async () => {
    const body = JSON.stringify({ items: "x".repeat(2_000) });
    const fetch = answering(body, { "content-type": "application/json" });
    expect(await failure(client(fetch, { maxResponseBytes: 100_000 }).GET("/things", { maxResponseBytes: 1_000 }))).toBeInstanceOf(
      ResponseTooLargeError,
    );
    const fresh = answering(body, { "content-type": "application/json" });
    expect((await client(fresh, { maxResponseBytes: 1_000 }).GET("/things", { maxResponseBytes: 100_000 })).data).toEqual(JSON.parse(body));
  });

  it("bounds error bodies too", async () => {
    const { stream } = endless();
    const error = await failure(client(answering(stream, { "content-type": "application/json" }, 400), { maxResponseBytes: 1024 }).GET("/things"));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).status).toBe(400);
  });

  it("leaves downloads unbounded unless set", async () => {
    const big = "%PDF".padEnd(40_000, "-");
    const headers = { "content-type": "application/pdf" };
    const { data } = await client(answering(big, headers), { maxResponseBytes: undefined }).GET("/file");
    expect((data as Uint8Array).byteLength).toBe(40_000);
    const bytes = await client(answering(big, headers)).GET("/things", { parseAs: "arrayBuffer" });
    expect((bytes.data as ArrayBuffer).byteLength).toBe(40_000);
    expect(await failure(client(answering(big, headers), { maxResponseBytes: 10_000 }).GET("/file"))).toBeInstanceOf(ResponseTooLargeError);
  });

  it.each([0, -1, 1.5, Number.NaN, "1000"])("refuses %s with a ConfigurationError naming the option and the range", (value) => {
    expect(() => client(answering("{}", {}), { maxResponseBytes: value as number })).toThrow(ConfigurationError);
    expect(() => client(answering("{}", {}), { maxResponseBytes: value as number })).toThrow(
      /maxResponseBytes must be a whole number from 1 to Infinity bytes/,
    );
  });
});

describe("maxResponseBytes over a real connection", () => {
  let server: Awaited<ReturnType<typeof startFaultServer>> | undefined;
  afterEach(async () => server?.close());

  it("a server that streams JSON for ever: the call fails after the bound and the connection is closed", async () => {
    let written = 0;
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const flood: Fault = (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const more = () => {
        while (res.write(`"${"x".repeat(1022)}",`)) written += 1025;
      };
      res.on("drain", more);
      req.socket.on("close", closed);
      more();
    };
    server = await startFaultServer([flood]);
    const api = createVendorClient<TestPaths>(jsonOps, { apiKey: TEST_KEY, baseUrl: server.url, rateLimit: false, maxResponseBytes: 1024 * 1024 });
    expect(await failure(api.GET("/things"))).toBeInstanceOf(ResponseTooLargeError);
    await connectionClosed;
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });
});

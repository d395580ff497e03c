// A vendor that echoes the key must not put it in our hands: every text an error or a log line
// carries from the server goes through the client's redactor — message, body, snippet, code,
// toJSON, util.inspect, the cause chain and logger lines — and messages quote a bounded part of it.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { MAX_BODY_CHARS, MAX_MESSAGE_CHARS } from "../../src/core/errors.js";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { ApiError, AuthenticationError, ConnectionError, MalformedResponseError, RedirectError, ResponseValidationError, unwrap, VendorError } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const lines: string[] = [];
const logger = {
  debug: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`),
  warn: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`),
};

/** A transport that answers every attempt with the same response. */
const answering = (body: string, status: number, type = "application/json") =>
  (async () => new Response(body, { status, headers: { "content-type": type } })) as unknown as typeof fetch;

function client(fetch: typeof globalThis.fetch) {
  lines.length = 0;
  return createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: "https://api.testvendor.invalid", fetch, logger, maxRetries: 0, rateLimit: false });
}

async function caught(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error) {
    return error as VendorError;
  }
  throw new Error("expected the call to fail");
}

/** Everything a user or a log pipeline could see of an error. */
function everything(error: unknown): string {
  const chain: unknown[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) chain.push(e);
  return [
    String(error),
    ...chain.map((e) => `${(e as Error).message}\n${(e as Error).stack}`),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    ...lines,
  ].join("\n");
}

describe("the server echoes the key", () => {
  it("a 401 JSON body: message, body, code, toJSON, inspect and log lines say [redacted]", async () => {
    const echo = { message: `Invalid API key ${TEST_KEY}`, code: `bad:${TEST_KEY}`, detail: { sent: [`Bearer ${TEST_KEY}`] } };
    const api = createVendorClient<TestPaths>(
      { ...testVendor, errorBody: (b) => b as { code?: string; message?: string } },
      { apiKey: TEST_KEY, baseUrl: "https://api.testvendor.invalid", fetch: answering(JSON.stringify(echo), 401), logger, rateLimit: false },
    );
    lines.length = 0;
    const result = await api.GET("/things");
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("Invalid API key [redacted]");
    expect((error as ApiError).body).toEqual({ message: "Invalid API key [redacted]", code: "bad:[redacted]", detail: { sent: ["Bearer [redacted]"] } });
    expect((error as ApiError).code).toBe("bad:[redacted]");
    expect(lines.some((l) => l.includes("HTTP 401"))).toBe(true);
    expect(everything(error)).not.toContain(TEST_KEY);
  });

  it("a 401 HTML page: the snippet is redacted before it is cut, so no part of the key survives", async () => {
    // The key starts 5 characters before the 200-character cut.
    const page = `${"x".repeat(195)}${TEST_KEY} and more`;
    const result = await client(answering(page, 401, "text/html")).GET("/things");
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect((error as ApiError).body).toBe(`${"x".repeat(195)}[reda…`);
    expect(everything(error)).not.toContain(TEST_KEY.slice(0, 5));
  });

  it("a vendor reader that cuts the server's text itself (AIPTx details at 200 characters) is handed it redacted", async () => {
    const key = "Qz9k3y_0123456789abcdefghij";
    // `{"reason":"` is 11 characters: the key starts 5 characters before AIPTx's 200-character cut.
    const details = { reason: `${"x".repeat(184)}${key}` };
    const body = JSON.stringify({ success: false, error: { code: "BAD", message: "no", details } });
    const result = await createAiptxClient({ apiKey: key, fetch: answering(body, 400), rateLimit: false }).GET("/scans");
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(error.message).toContain("xxxxx[reda");
    expect(everything(error)).not.toContain(key.slice(0, 5));
  });

  it("a 200 HTML page or broken JSON: the MalformedResponseError's snippet is redacted", async () => {
    const jsonOps = { ...testVendor, operations: { "GET /things": { operationId: "listThings", scopes: [], responseKind: "json" as const, mediaTypes: ["application/json"] } } };
    for (const [body, type] of [[`<p>key ${TEST_KEY}</p>`, "text/html"], [`{"key": "${TEST_KEY}"`, "application/json"]] as const) {
      const api = createVendorClient<TestPaths>(jsonOps, { apiKey: TEST_KEY, baseUrl: "https://api.testvendor.invalid", fetch: answering(body, 200, type), logger, rateLimit: false });
      const error = await caught(api.GET("/things"));
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(error.message).toContain("[redacted]");
      expect(everything(error)).not.toContain(TEST_KEY);
    }
  });

  it("a response that breaks the spec quoting the key: the validation error and the warning are redacted", async () => {
    const key = "ak_live_k3y";
    const body = JSON.stringify({ data: { key: { id: key } }, generated_at: key });
    const warnings: ResponseValidationError[] = [];
    const api = createAiclicksClient({ apiKey: key, fetch: answering(body, 200), rateLimit: false, logger, onValidationError: (e) => warnings.push(e) });
    lines.length = 0;
    await api.GET("/api/v1/validate");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('"[redacted]"');
    const strict = await caught(createAiclicksClient({ apiKey: key, fetch: answering(body, 200), rateLimit: false, logger, validate: "strict" }).GET("/api/v1/validate"));
    expect(strict).toBeInstanceOf(ResponseValidationError);
    expect(everything(warnings[0]) + everything(strict)).not.toContain(key);
  });

  it("a transport error quoting the key: the ConnectionError and its whole cause chain are redacted", async () => {
    const failing = (async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error(`proxy refused Bearer ${TEST_KEY}`), { code: "EPROXY" }) });
    }) as unknown as typeof fetch;
    const error = await caught(client(failing).GET("/things"));
    expect(error).toBeInstanceOf(ConnectionError);
    const inner = (error.cause as Error).cause as Error & { code?: string };
    expect(inner.message).toBe("proxy refused Bearer [redacted]");
    expect(inner.code).toBe("EPROXY");
    expect(everything(error)).not.toContain(TEST_KEY);
  });

  it("a refused redirect whose Location quotes the key: message and location are redacted", async () => {
    const redirecting = (async () =>
      new Response(null, { status: 302, headers: { location: `http://elsewhere.example/k/${TEST_KEY}` } })) as unknown as typeof fetch;
    const error = await caught(client(redirecting).GET("/things"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toBe("http://elsewhere.example/k/[redacted]");
    expect(everything(error)).not.toContain(TEST_KEY);
  });

  it("a transport that throws a string or a plain object quoting the key: the cause is redacted too", async () => {
    for (const thrown of [`no route for Bearer ${TEST_KEY}`, { message: `denied ${TEST_KEY}`, headers: { authorization: `Bearer ${TEST_KEY}` } }]) {
      const error = await caught(client((async () => Promise.reject(thrown)) as unknown as typeof fetch).GET("/things"));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(everything(error)).not.toContain(TEST_KEY);
    }
  });

  it("a cause chain without the key is kept as it is (the same objects)", async () => {
    const cause = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNRESET"), { code: "ECONNRESET" }) });
    const error = await caught(client((async () => { throw cause; }) as unknown as typeof fetch).GET("/things"));
    expect(error.cause).toBe(cause);
  });
});

describe("bounded server text", () => {
  it("a 2 MB detail: the message quotes 500 characters and an ellipsis; the body keeps 64 KiB", async () => {
    const detail = "d".repeat(2_000_000);
    const result = await client(answering(JSON.stringify({ message: detail }), 400)).GET("/things");
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(error.message).toContain(`: ${"d".repeat(MAX_MESSAGE_CHARS)}… `);
    expect(error.message).not.toContain("d".repeat(MAX_MESSAGE_CHARS + 1));
    expect(error.message.length).toBeLessThan(MAX_MESSAGE_CHARS + 400);
    const body = (error as ApiError).body as string;
    expect(typeof body).toBe("string");
    expect(body.length).toBe(MAX_BODY_CHARS + 1);
    expect(body.startsWith('{"message":"ddd')).toBe(true);
    expect(body.endsWith("…")).toBe(true);
    expect(lines.join("\n").length).toBeLessThan(10_000);
  });

  it("a body within the bound stays parsed", async () => {
    const result = await client(answering(JSON.stringify({ message: "no", items: Array(100).fill("x".repeat(100)) }), 400)).GET("/things");
    expect(((result.error as unknown) as { items: string[] }).items).toHaveLength(100);
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(((error as ApiError).body as { items: string[] }).items).toHaveLength(100);
  });

  it("a server message that ends its sentence does not get a second full stop", async () => {
    const result = await client(answering(JSON.stringify({ message: "Document not found." }), 404)).GET("/things");
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(error.message).toContain("HTTP 404: Document not found. Check the id");
    expect(error.message).not.toMatch(/\.\./);
  });
});

// The holes issue 22 found in the Security and Errors promises, each on a path no test had
// walked with a key in it: a per-call baseUrl, a key in a cause's own properties, server text cut
// before redaction, unbounded request ids, deeply nested bodies and baseUrl forms.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { MAX_BODY_CHARS, MAX_MESSAGE_CHARS, MAX_REQUEST_ID_CHARS } from "../../src/core/errors.js";
import { ConfigurationError, ConnectionError, MalformedResponseError, NotFoundError, unwrap, VendorError } from "../../src/index.js";
import { recordingLogger } from "../helpers.js";
import { leaks, shownError } from "../fixtures/secret-scan.js";

const AICLICKS_KEY = "ak_live_Q7mZp2VxK9rT4wLc8NbH3sDf6GjY";
const AIPTX_KEY = "ptx_3hG8kLq2MnB7vXc4ZrT9wYs6Pd";

/** A transport that answers every request with `make()`, and counts the requests. */
function answering(make: (url: string) => Response | Promise<Response>) {
  const urls: string[] = [];
  const fetch = async (url: string) => (urls.push(url), make(url));
  return { fetch, urls };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("1. a per-call baseUrl", () => {
  it("is refused with a ConfigurationError before anything is sent", async () => {
    const transport = answering(() => Response.json({ data: [] }));
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch: transport.fetch, rateLimit: false, validate: "off" });
    // From JavaScript, or past the types (client-types.ts refuses it at compile time).
    const error = await rejection(client.GET("/api/v1/domains", { baseUrl: "http://api.example.com" } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/baseUrl cannot be set for one call.*create a client with \{ baseUrl \}/);
    expect(transport.urls).toEqual([]);
  });

  it("a call without one still goes to the client's baseUrl", async () => {
    const transport = answering(() => Response.json({ data: [] }));
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch: transport.fetch, rateLimit: false, validate: "off" });
    await client.GET("/api/v1/domains", { baseUrl: undefined } as never);
    expect(transport.urls).toEqual(["https://api.aiclicks.io/api/v1/domains"]);
  });
});

describe("2. a key in a cause's own properties", () => {
  it("a fetch wrapper's error carrying the failed request (ky/axios style) is redacted at any depth", async () => {
    const fetch = async (url: string, init?: RequestInit) => {
      const headers = Object.fromEntries(new Headers(init?.headers));
      const error = Object.assign(new Error("Request failed"), {
        options: { method: "GET", headers },
        request: new Request(url, { headers }),
        config: { nested: { deeper: [{ auth: `Bearer ${AICLICKS_KEY}` }] }, headersInstance: new Headers(headers) },
        response: { data: new Map([["echo", AICLICKS_KEY]]) },
      });
      throw error;
    };
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch, rateLimit: false, validate: "off", maxRetries: 0 });
    const error = await rejection(client.GET("/api/v1/domains"));
    expect(error).toBeInstanceOf(ConnectionError);
    const cause = (error as { cause: { options: { headers: Record<string, string> } } }).cause;
    expect(cause.options.headers.authorization).toBe("Bearer [redacted]");
    expect(leaks({ error: shownError(error) }, AICLICKS_KEY)).toEqual([]);
  });

  it("a cause without the key is kept as it is", async () => {
    const original = Object.assign(new TypeError("fetch failed"), { code: "ECONNRESET", options: { retries: 2 } });
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch: async () => Promise.reject(original), rateLimit: false, maxRetries: 0 });
    const error = await rejection(client.GET("/api/v1/domains"));
    expect((error as Error).cause).toBe(original);
  });

  it("a cycle in the cause's properties neither loops nor keeps the unredacted original", async () => {
    const fetch = async () => {
      const error = Object.assign(new Error(`no ${AICLICKS_KEY}`), { self: undefined as unknown, request: { key: AICLICKS_KEY } });
      error.self = error;
      throw error;
    };
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch, rateLimit: false, maxRetries: 0 });
    const error = await rejection(client.GET("/api/v1/domains"));
    expect(leaks({ error: shownError(error) }, AICLICKS_KEY)).toEqual([]);
  });
});

describe("3. server text is redacted before it is cut", () => {
  it("a wait helper quoting a data-less 2xx body: no piece of a key straddling the 200th character", async () => {
    // {"pad":"xxx…","echo":"<key>"}: the key starts at character 185, so a cut at 200 splits it.
    const body = { pad: "x".repeat(167), echo: AIPTX_KEY };
    expect(JSON.stringify(body).indexOf(AIPTX_KEY)).toBe(185);
    const client = createAiptxClient({ apiKey: AIPTX_KEY, fetch: answering(() => Response.json(body)).fetch, rateLimit: false, validate: "off" });
    const error = await rejection(client.scans.waitForCompletion("scan_1", { intervalMs: 0 }));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(leaks({ error: shownError(error) }, AIPTX_KEY)).toEqual([]);
  });

  it("a transport's message cut for a ConnectionError: no piece of a key straddling the cut", async () => {
    // The key (36 characters) starts at character 181, so a cut at 200 would keep 20 of them.
    const fetch = async () => Promise.reject(new Error(`${"y".repeat(180)} ${AICLICKS_KEY}`));
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch, rateLimit: false, maxRetries: 0 });
    const error = await rejection(client.GET("/api/v1/domains"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(leaks({ message: (error as Error).message, error: shownError(error) }, AICLICKS_KEY)).toEqual([]);
  });
});

describe("4. request ids are bounded like all server text", () => {
  it("a 1 MB meta.request_id in an AIPTx error body", async () => {
    const id = "r".repeat(1_000_000);
    const { logger, lines } = recordingLogger();
    const body = { success: false, error: { code: "NOT_FOUND", message: "no such scan" }, meta: { request_id: id } };
    const client = createAiptxClient({ apiKey: AIPTX_KEY, fetch: answering(() => Response.json(body, { status: 404 })).fetch, rateLimit: false, validate: "off", logger });
    const result = await client.GET("/scans/{scan_id}", { params: { path: { scan_id: "s" } } });
    const error = (() => {
      try {
        unwrap(result);
      } catch (thrown) {
        return thrown as VendorError;
      }
    })()!;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId!.length).toBeLessThanOrEqual(MAX_REQUEST_ID_CHARS + 1);
    expect(error.message.length).toBeLessThan(MAX_MESSAGE_CHARS + 2 * MAX_REQUEST_ID_CHARS + 500);
    // toJSON keeps the body, bounded by MAX_BODY_CHARS, and the id once more.
    expect(JSON.stringify(error).length).toBeLessThan(MAX_BODY_CHARS + 5_000);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(5_000);
  });

  it("a 12 KB X-Request-Id header", async () => {
    const id = "h".repeat(12_000);
    const { logger, lines } = recordingLogger();
    const fetch = answering(() => Response.json({ detail: "gone" }, { status: 404, headers: { "x-request-id": id } })).fetch;
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch, rateLimit: false, validate: "off", logger });
    const result = await client.GET("/api/v1/domains");
    expect(result.requestId.length).toBeLessThanOrEqual(MAX_REQUEST_ID_CHARS + 1);
    let error: VendorError | undefined;
    try {
      unwrap(result);
    } catch (thrown) {
      error = thrown as VendorError;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error!.requestId!.length).toBeLessThanOrEqual(MAX_REQUEST_ID_CHARS + 1);
    expect(error!.message.length).toBeLessThan(MAX_MESSAGE_CHARS + 2 * MAX_REQUEST_ID_CHARS + 500);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(5_000);
  });
});

describe("5. a deeply nested body", () => {
  it("a 404 nesting 5 000 levels is returned as { error }, not a RangeError", async () => {
    const deep = `${'{"a":'.repeat(5_000)}"${AICLICKS_KEY}"${"}".repeat(5_000)}`;
    const fetch = answering(() => new Response(deep, { status: 404, headers: { "content-type": "application/json" } })).fetch;
    const client = createAiclicksClient({ apiKey: AICLICKS_KEY, fetch, rateLimit: false, validate: "off" });
    const result = await client.GET("/api/v1/domains");
    expect(result.response.status).toBe(404);
    expect(() => unwrap(result)).toThrow(NotFoundError);
    const shown = (() => {
      try {
        unwrap(result);
      } catch (thrown) {
        return shownError(thrown);
      }
    })();
    expect(leaks({ error: shown ?? "" }, AICLICKS_KEY)).toEqual([]);
  });
});

describe("6. baseUrl forms", () => {
  it.each([
    ["https://user:TOPSECRET@api.aiclicks.io", /must not carry user-info/],
    ["http://user:TOPSECRET@127.0.0.1:4010", /must not carry user-info/],
    ["https://api.aiclicks.io/m/ok?token=X", /must not carry a query string/],
    ["https://api.aiclicks.io/#frag", /must not carry a fragment/],
    ["https://user:TOPSECRET@bad host/", /is not an absolute URL/],
  ])("%s is a ConfigurationError that does not print the password", (baseUrl, message) => {
    let error: unknown;
    try {
      createAiclicksClient({ apiKey: AICLICKS_KEY, baseUrl });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect(inspect(error, { depth: Infinity })).not.toContain("TOPSECRET");
  });
});

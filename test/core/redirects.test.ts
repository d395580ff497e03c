// The client follows redirects itself: at most 5 hops, every credential stays on its origin,
// https never drops to http on a remote host, and each hop is one debug line.
import { describe, expect, it } from "vitest";
import { createVendorClient, type ClientOptions } from "../../src/core/create-client.js";
import type { VendorDescription } from "../../src/core/vendor.js";
import { ConnectionError, RedirectError, VendorError } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const BASE = "https://api.testvendor.invalid";

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A fetch that answers by URL (without query), recording what each request carried. */
function routes(table: Record<string, (sent: Sent) => Response>) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const body = init.body === undefined || init.body === null ? undefined : await new Response(init.body).text();
    const request = { url, method: init.method ?? "GET", headers: new Headers(init.headers), body };
    sent.push(request);
    const route = table[url.split("?")[0]!];
    if (!route) throw new TypeError(`no route for ${url}`);
    return route(request);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const to = (location: string, status = 302) => () => new Response(null, { status, headers: { location } });
const ok = (sent: Sent) => Response.json({ reached: sent.url, method: sent.method });

function client(fetch: typeof globalThis.fetch, options: ClientOptions = {}, vendor: VendorDescription = testVendor) {
  const lines: string[] = [];
  const logger = { debug: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`), warn() {} };
  return { api: createVendorClient<TestPaths>(vendor, { apiKey: TEST_KEY, fetch, logger, ...options }), lines };
}

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: VendorError) => error,
  );
}

const CREDENTIALS = {
  "X-Api-Key": "k1_secret",
  "Proxy-Authorization": "Basic cHJveHk6c2VjcmV0",
  Cookie: "session=secret",
  "X-Custom-Token": TEST_KEY,
};
const tokenVendor: VendorDescription = { ...testVendor, auth: { token: { header: "X-Custom-Token" } } };

describe("redirects on the same origin", () => {
  it("are followed with every header, and each hop is a debug line without the query", async () => {
    const { fetch, sent } = routes({ [`${BASE}/things`]: to("/moved?sig=abc"), [`${BASE}/moved`]: ok });
    const { api, lines } = client(fetch, { headers: { Cookie: "session=1" } });
    const result = await api.GET("/things");
    expect(result.data).toEqual({ reached: `${BASE}/moved?sig=abc`, method: "GET" });
    expect(sent[1]!.headers.get("authorization")).toBe(`Bearer ${TEST_KEY}`);
    expect(sent[1]!.headers.get("cookie")).toBe("session=1");
    expect(sent[1]!.headers.get("x-request-id")).toBe(result.requestId);
    const hops = lines.filter((l) => l.startsWith("following HTTP 302 redirect"));
    expect(hops).toHaveLength(1);
    expect(hops[0]).toContain(`${BASE}/moved`);
    expect(hops.join("\n")).not.toContain("sig=abc");
  });

  it("307 and 308 keep the method and the body", async () => {
    for (const status of [307, 308]) {
      const { fetch, sent } = routes({ [`${BASE}/things`]: to(`${BASE}/elsewhere`, status), [`${BASE}/elsewhere`]: ok });
      const { api } = client(fetch);
      const result = await api.PUT("/things", { body: { a: 1 } });
      expect(result.data).toEqual({ reached: `${BASE}/elsewhere`, method: "PUT" });
      expect(sent[1]!.body).toBe('{"a":1}');
      expect(sent[1]!.headers.get("content-type")).toBe("application/json");
    }
  });

  it("303 turns into a GET without the body or its headers", async () => {
    const { fetch, sent } = routes({ [`${BASE}/things`]: to(`${BASE}/result/1`, 303), [`${BASE}/result/1`]: ok });
    const { api } = client(fetch);
    const result = await api.POST("/things", { body: { a: 1 } });
    expect(result.data).toEqual({ reached: `${BASE}/result/1`, method: "GET" });
    expect(sent[1]!.body).toBeUndefined();
    expect(sent[1]!.headers.get("content-type")).toBeNull();
  });
});

describe("redirects to another origin", () => {
  it("drop every credential: the vendor's auth header, Authorization, X-Api-Key, Proxy-Authorization, Cookie", async () => {
    const { fetch, sent } = routes({
      [`${BASE}/things`]: to("https://files.example.com/signed/1?X-Amz-Signature=abc", 307),
      "https://files.example.com/signed/1": ok,
    });
    const { api, lines } = client(fetch, { headers: { ...CREDENTIALS, Authorization: "Bearer other", Accept: "application/json" } }, tokenVendor);
    const result = await api.GET("/things");
    expect(result.data).toEqual({ reached: "https://files.example.com/signed/1?X-Amz-Signature=abc", method: "GET" });
    expect(sent[0]!.headers.get("x-custom-token")).toBe(TEST_KEY);
    const hop = sent[1]!.headers;
    for (const name of [...Object.keys(CREDENTIALS), "Authorization"]) expect(hop.get(name), name).toBeNull();
    expect(hop.get("accept")).toBe("application/json");
    expect(hop.get("x-request-id")).toBe(result.requestId);
    expect(lines.find((l) => l.startsWith("following HTTP 307"))).toContain("removed (another origin)");
    expect(lines.join("\n")).not.toContain("X-Amz-Signature");
  });

  it("stay without credentials on later hops, even back on the first origin", async () => {
    const { fetch, sent } = routes({
      [`${BASE}/things`]: to("https://cdn.example.com/a"),
      "https://cdn.example.com/a": to(`${BASE}/b`),
      [`${BASE}/b`]: ok,
    });
    const { api } = client(fetch);
    await api.GET("/things");
    expect(sent.map((s) => s.headers.get("authorization"))).toEqual([`Bearer ${TEST_KEY}`, null, null]);
  });
});

describe("redirects the client refuses", () => {
  it("https to plain http on a remote host: a RedirectError naming the origin, never the query; nothing sent there", async () => {
    const { fetch, sent } = routes({ [`${BASE}/things`]: to("http://insecure.example.com/x?token=abc", 301) });
    const { api } = client(fetch);
    const error = (await failure(api.GET("/things"))) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/from https to plain http at http:\/\/insecure\.example\.com/);
    expect(error.location).toBe("http://insecure.example.com/x");
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("token=abc");
    expect(sent).toHaveLength(1);
  });

  it("https to http on loopback (a local proxy or mock) is followed", async () => {
    const { fetch, sent } = routes({ [`${BASE}/things`]: to("http://127.0.0.1:4010/things"), "http://127.0.0.1:4010/things": ok });
    const { api } = client(fetch);
    expect((await api.GET("/things")).data).toEqual({ reached: "http://127.0.0.1:4010/things", method: "GET" });
    expect(sent[1]!.headers.get("authorization")).toBeNull();
  });

  it("a POST answered 303 to its own URL (post/redirect/get) is followed as a GET, not called a loop", async () => {
    let posted = false;
    const { fetch, sent } = routes({
      [`${BASE}/things`]: (request) => (request.method === "POST" && !posted ? ((posted = true), to(`${BASE}/things`, 303)()) : ok(request)),
    });
    const { api } = client(fetch);
    const result = await api.POST("/things", { body: { a: 1 } });
    expect(result.data).toEqual({ reached: `${BASE}/things`, method: "GET" });
    expect(sent.map((s) => [s.method, s.body])).toEqual([
      ["POST", '{"a":1}'],
      ["GET", undefined],
    ]);
  });

  it("a GET redirected back to its own URL is still a loop, after a 303 too", async () => {
    const self = routes({ [`${BASE}/things`]: to(`${BASE}/things`, 303) });
    const error = await failure(client(self.fetch).api.POST("/things", { body: { a: 1 } }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(/in a loop \(back to https:\/\/api\.testvendor\.invalid\/things\)/);
    // The POST, then its GET; the GET sent back to itself is the loop.
    expect(self.sent.map((s) => s.method)).toEqual(["POST", "GET"]);
  });

  it("a loop is a RedirectError, not a sixth request", async () => {
    const { fetch, sent } = routes({ [`${BASE}/things`]: to(`${BASE}/a`), [`${BASE}/a`]: to(`${BASE}/things`) });
    const { api } = client(fetch, { maxRetries: 2 });
    const error = await failure(api.GET("/things"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(/in a loop \(back to https:\/\/api\.testvendor\.invalid\/things\)/);
    expect(sent).toHaveLength(2);
  });

  it("five hops are followed; a sixth is a RedirectError", async () => {
    const chain = (length: number) =>
      Object.fromEntries(
        Array.from({ length: length + 1 }, (_, i) => [`${BASE}/${i === 0 ? "things" : `h${i}`}`, i === length ? ok : to(`${BASE}/h${i + 1}`)]),
      );
    const five = routes(chain(5));
    expect((await client(five.fetch).api.GET("/things")).data).toEqual({ reached: `${BASE}/h5`, method: "GET" });
    const six = routes(chain(6));
    const error = await failure(client(six.fetch).api.GET("/things"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(/more than 5 times \(the last to https:\/\/api\.testvendor\.invalid\/h6\)/);
    expect(six.sent).toHaveLength(6);
  });

  it('redirect: "manual" hands the 3xx back; redirect: "error" refuses it', async () => {
    const { fetch, sent } = routes({ [`${BASE}/things`]: to(`${BASE}/a`) });
    const { api } = client(fetch);
    const manual = await api.GET("/things", { redirect: "manual" });
    expect(manual.response.status).toBe(302);
    expect(manual.response.headers.get("location")).toBe(`${BASE}/a`);
    expect(await failure(api.GET("/things", { redirect: "error" }))).toBeInstanceOf(RedirectError);
    expect(sent).toHaveLength(2);
  });
});

// The caller's X-Request-Id is the one sent (and reported), in whichever form the headers come:
// a plain object, a Headers instance, pairs, or the client-level headers option.
import { describe, expect, it, vi } from "vitest";
import { createVendorClient, type ClientOptions } from "../../src/core/create-client.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

function client(options: ClientOptions = {}) {
  const sent: string[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    sent.push(new Headers(init.headers).get("x-request-id")!);
    return Response.json({});
  }) as typeof globalThis.fetch;
  return { api: createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, rateLimit: false, ...options }), sent };
}

describe("the caller's X-Request-Id", () => {
  it.each([
    ["a plain object", { "x-request-id": "req-object" }, "req-object"],
    ["a Headers instance", new Headers({ "X-Request-Id": "req-headers" }), "req-headers"],
    ["pairs", [["X-Request-ID", "req-pairs"]], "req-pairs"],
  ])("survives when per-call headers are %s", async (_form, headers, id) => {
    const { api, sent } = client();
    const result = await api.GET("/things", { headers: headers as never });
    expect(sent).toEqual([id]);
    expect(result.requestId).toBe(id);
  });

  it("survives when set in the client-level headers option, and a per-call one wins over it", async () => {
    const { api, sent } = client({ headers: { "X-Request-Id": "req-client" } });
    expect((await api.GET("/things")).requestId).toBe("req-client");
    expect((await api.GET("/things", { headers: new Headers({ "x-request-id": "req-call" }) })).requestId).toBe("req-call");
    expect(sent).toEqual(["req-client", "req-call"]);
  });

  it("is a fresh UUID otherwise", async () => {
    const { api, sent } = client();
    const result = await api.GET("/things");
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toEqual([result.requestId]);
  });
});

describe("a fresh X-Request-Id", () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("is a new UUID v4 on every call", async () => {
    const { api, sent } = client();
    await Promise.all(Array.from({ length: 50 }, () => api.GET("/things")));
    expect(sent.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(sent).size).toBe(50);
  });

  it("comes from Web Crypto where the runtime has no node:crypto (browsers, workers)", async () => {
    vi.resetModules();
    const getBuiltinModule = process.getBuiltinModule;
    const webCrypto = vi.spyOn(crypto, "randomUUID");
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    try {
      const { newRequestId } = await import("../../src/core/pipeline/request-id.js");
      const ids = [newRequestId(), newRequestId()];
      expect(ids.every((id) => UUID_V4.test(id)) && ids[0] !== ids[1]).toBe(true);
      expect(webCrypto).toHaveBeenCalledTimes(2);
    } finally {
      process.getBuiltinModule = getBuiltinModule;
      webCrypto.mockRestore();
      vi.resetModules();
    }
  });
});

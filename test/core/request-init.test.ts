// Every RequestInit field fetch understands, passed per call, reaches the transport on every
// attempt and every redirect hop (cache, credentials, keepalive, priority, undici's dispatcher …).
import { describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const dispatcher = { dispatch: () => true, name: "proxy-agent" };
const FIELDS = {
  cache: "no-store",
  credentials: "omit",
  integrity: "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
  keepalive: true,
  mode: "cors",
  priority: "high",
  referrer: "about:client",
  referrerPolicy: "no-referrer",
  dispatcher,
} as const;

describe("per-call RequestInit passthrough", () => {
  it("each field reaches fetch on every attempt and every redirect hop", async () => {
    const inits: RequestInit[] = [];
    const answers = [
      () => new Response(null, { status: 503, headers: { "retry-after": "0" } }),
      () => new Response(null, { status: 307, headers: { location: "/elsewhere" } }),
      () => Response.json({ ok: true }),
    ];
    const fetch = (async (_url: string, init: RequestInit) => {
      inits.push(init);
      return answers[inits.length - 1]!();
    }) as typeof globalThis.fetch;
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, rateLimit: false });
    const result = await client.GET("/things", FIELDS as object);
    expect(result.data).toEqual({ ok: true });
    expect(inits).toHaveLength(3);
    for (const init of inits) {
      for (const [name, value] of Object.entries(FIELDS)) expect((init as Record<string, unknown>)[name], name).toBe(value);
      expect(init.redirect).toBe("manual");
      expect(init.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it("a call without them sends only what the client sets", async () => {
    let seen: RequestInit | undefined;
    const fetch = (async (_url: string, init: RequestInit) => ((seen = init), Response.json({}))) as typeof globalThis.fetch;
    await createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, rateLimit: false }).GET("/things");
    expect(Object.keys(seen!).sort()).toEqual(["body", "headers", "method", "redirect", "signal"]);
  });
});

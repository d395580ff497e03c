// The client refuses a missing key or one not of the form `ayliea_pk_` + 64 hex characters before
// anything is sent, names the expected form, and never repeats the key; a good key goes out in
// X-API-Key to the production URL.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "../../src/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { caught, TEST_KEY } from "./support.js";

const HEX64 = "0123456789abcdef".repeat(4);

/** A fetch that records what it was asked and answers 401 like the vendor. */
function recorder() {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return Response.json({ error: "Invalid API key" }, { status: 401 });
  };
  return { requests, fetch };
}

describe("Ayliea client configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the key from AYLIEA_API_KEY and sends it in X-API-Key, not Authorization", async () => {
    vi.stubEnv("AYLIEA_API_KEY", TEST_KEY);
    const { requests, fetch } = recorder();
    await createAylieaClient({ fetch, rateLimit: false }).GET("/scores");
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get("x-api-key")).toBe(TEST_KEY);
    expect(requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("refuses a missing key and names AYLIEA_API_KEY", async () => {
    vi.stubEnv("AYLIEA_API_KEY", undefined as unknown as string);
    const error = await caught(() => createAylieaClient());
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("AYLIEA_API_KEY");
  });

  const malformed = {
    "a wrong prefix": `ayliea_sk_${HEX64}`,
    "another vendor's key": `sk-live-${HEX64}`,
    "an upper-case prefix": `AYLIEA_PK_${HEX64}`,
    "63 hex characters": `ayliea_pk_${HEX64.slice(1)}`,
    "65 hex characters": `ayliea_pk_${HEX64}0`,
    "a non-hex character": `ayliea_pk_${HEX64.slice(1)}g`,
    "the docs' placeholder": "ayliea_pk_YOUR_API_KEY",
    "a trailing line break": `${TEST_KEY}\n`,
  };

  for (const [what, key] of Object.entries(malformed)) {
    it(`refuses ${what}, naming the expected form without echoing the key`, async () => {
      const { requests, fetch } = recorder();
      const error = await caught(() => createAylieaClient({ apiKey: key, fetch, rateLimit: false }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain("`ayliea_pk_` followed by 64 hexadecimal characters");
      expect(error.message).toContain("AYLIEA_API_KEY");
      expect(error.message + String(error.stack) + JSON.stringify(error)).not.toContain(key.trim());
      expect(requests).toHaveLength(0);
    });
  }

  it("accepts upper-case hex digits (the docs do not state the case)", () => {
    expect(() => createAylieaClient({ apiKey: `ayliea_pk_${HEX64.toUpperCase()}` })).not.toThrow();
  });

  it("defaults to https://assess.ayliea.com/api/v1", async () => {
    const { requests, fetch } = recorder();
    await createAylieaClient({ apiKey: TEST_KEY, fetch, rateLimit: false }).GET("/discovery", {
      params: { query: { limit: 10 } },
    });
    expect(requests.map((r) => r.url)).toEqual(["https://assess.ayliea.com/api/v1/discovery?limit=10"]);
  });

  it("refuses plain http:// to a remote host but allows it for a loopback mock", async () => {
    const error = await caught(() => createAylieaClient({ apiKey: TEST_KEY, baseUrl: "http://assess.ayliea.com/api/v1" }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(() => createAylieaClient({ apiKey: TEST_KEY, baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
  });
});

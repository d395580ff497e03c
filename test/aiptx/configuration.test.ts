// The client takes its key from AIPTX_API_KEY, accepts any non-empty key without whitespace
// (AIPTx publishes no key format), sends it as a Bearer token to https://api.aiptx.io/v1, and
// refuses a missing key or an insecure base URL before any request — never repeating the key.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "../../src/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";

const catchError = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
};

/** Records what would be sent and answers 401 with the AIPTx error envelope. */
function capture() {
  const sent: Request[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    sent.push(new Request(input, init));
    return Response.json({ success: false, error: { code: "UNAUTHORIZED", message: "Invalid API key" } }, { status: 401 });
  };
  return { sent, fetch };
}

describe("AIPTx client configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the key from AIPTX_API_KEY and sends it as a Bearer token to the production URL", async () => {
    vi.stubEnv("AIPTX_API_KEY", "key-from-environment");
    const { sent, fetch } = capture();
    const client = createAiptxClient({ fetch, rateLimit: false });
    await client.GET("/scans/{scan_id}", { params: { path: { scan_id: "scan_abc123" } } });
    expect(sent.map((r) => r.headers.get("authorization"))).toEqual(["Bearer key-from-environment"]);
    expect(sent.map((r) => r.url)).toEqual(["https://api.aiptx.io/v1/scans/scan_abc123"]);
  });

  it("accepts keys of any form, since AIPTx publishes none", () => {
    for (const apiKey of ["k", "aiptx_live_0123456789abcdef", "eyJhbGciOiJIUzI1NiJ9.e30.sig", "ABC-123"]) {
      expect(() => createAiptxClient({ apiKey })).not.toThrow();
    }
  });

  it("refuses a missing or blank key and names AIPTX_API_KEY", () => {
    vi.stubEnv("AIPTX_API_KEY", undefined as unknown as string);
    for (const apiKey of [undefined, "", "   "]) {
      const error = catchError(() => createAiptxClient({ apiKey }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain("AIPTX_API_KEY");
    }
  });

  it("refuses a key with whitespace inside (a pasted line break), says why and never echoes it", () => {
    const secret = "pasted-secret-part-one\npasted-secret-part-two";
    const error = catchError(() => createAiptxClient({ apiKey: secret }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("whitespace");
    expect(error.message).toContain("no key format");
    expect(error.message + error.stack + JSON.stringify(error)).not.toContain("pasted-secret");
  });

  it("refuses http:// to a remote host but allows it for loopback mocks", () => {
    const error = catchError(() => createAiptxClient({ apiKey: "k1", baseUrl: "http://api.aiptx.io/v1" }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/https:\/\//);
    expect(() => createAiptxClient({ apiKey: "k1", baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
  });
});

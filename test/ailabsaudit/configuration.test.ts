// The client refuses to start with a missing or malformed key — before any request — never
// repeats the key in what it says, and talks to the production URL with the key from the env.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "../../src/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";

const catchError = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
};

const unauthorized = () => Response.json({ success: false, error: { code: 401, message: "Invalid or missing API key" } }, { status: 401 });

describe("AILabsAudit client configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the key from AILABSAUDIT_API_KEY and calls the production URL by default", async () => {
    vi.stubEnv("AILABSAUDIT_API_KEY", "aila_from_environment");
    const seen: { url: string; key: string | null }[] = [];
    const client = createAilabsauditClient({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push({ url: request.url, key: request.headers.get("x-api-key") });
        return unauthorized();
      },
      rateLimit: false,
    });
    await client.GET("/clients");
    expect(seen).toEqual([{ url: "https://ailabsaudit.com/api/v1/clients", key: "aila_from_environment" }]);
  });

  it("refuses a missing key and names AILABSAUDIT_API_KEY", () => {
    vi.stubEnv("AILABSAUDIT_API_KEY", undefined as unknown as string);
    const error = catchError(() => createAilabsauditClient());
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("AILABSAUDIT_API_KEY");
  });

  it("refuses a key without the aila_ prefix, names the prefix and never echoes the key", () => {
    const secret = "sk-this-is-someone-elses-secret";
    const error = catchError(() => createAilabsauditClient({ apiKey: secret }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("aila_");
    expect(error.message + error.stack).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
  });

  it("refuses the bare prefix and a key with whitespace inside", () => {
    expect(() => createAilabsauditClient({ apiKey: "aila_" })).toThrow(ConfigurationError);
    expect(() => createAilabsauditClient({ apiKey: "aila_abc\ndef" })).toThrow(ConfigurationError);
  });

  it("refuses http:// to a remote host but allows loopback mocks", () => {
    expect(() => createAilabsauditClient({ apiKey: "aila_x1", baseUrl: "http://ailabsaudit.com/api/v1" })).toThrow(
      ConfigurationError,
    );
    expect(() => createAilabsauditClient({ apiKey: "aila_x1", baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
  });
});

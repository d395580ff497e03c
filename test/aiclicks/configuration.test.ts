// The client refuses to start with a missing or malformed key or an insecure base URL — before
// any request — and never repeats the key in what it says.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "../../src/index.js";
import { createAiclicksClient } from "../../src/aiclicks/index.js";

const catchError = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
};

describe("AIclicks client configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the key from AICLICKS_API_KEY when none is passed", async () => {
    vi.stubEnv("AICLICKS_API_KEY", "ak_live_from_environment");
    const seen: string[] = [];
    const client = createAiclicksClient({
      fetch: async (input, init) => {
        seen.push(new Request(input, init).headers.get("authorization")!);
        return Response.json({ detail: "nope" }, { status: 401 });
      },
      rateLimit: false,
    });
    await client.GET("/api/v1/domains");
    expect(seen).toEqual(["Bearer ak_live_from_environment"]);
  });

  it("refuses a missing key and names AICLICKS_API_KEY", () => {
    vi.stubEnv("AICLICKS_API_KEY", undefined as unknown as string);
    const error = catchError(() => createAiclicksClient());
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("AICLICKS_API_KEY");
  });

  it("refuses a key without the ak_live_ prefix, names the prefix and never echoes the key", () => {
    const secret = "sk-this-is-someone-elses-secret";
    const error = catchError(() => createAiclicksClient({ apiKey: secret }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("ak_live_");
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(error.message + error.stack).not.toContain(secret);
  });

  it("refuses a key with whitespace inside (a pasted line break)", () => {
    expect(() => createAiclicksClient({ apiKey: "ak_live_abc\ndef" })).toThrow(ConfigurationError);
  });

  it("refuses http:// to a remote host but allows it for loopback mocks", () => {
    const error = catchError(() => createAiclicksClient({ apiKey: "ak_live_x1", baseUrl: "http://api.aiclicks.io" }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/https:\/\//);
    expect(() => createAiclicksClient({ apiKey: "ak_live_x1", baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
    expect(() => createAiclicksClient({ apiKey: "ak_live_x1", baseUrl: "http://localhost:4010/" })).not.toThrow();
  });

  it("defaults to the vendor's production URL", async () => {
    const urls: string[] = [];
    const client = createAiclicksClient({
      apiKey: "ak_live_x1",
      fetch: async (input, init) => {
        urls.push(new Request(input, init).url);
        return Response.json({ detail: "x" }, { status: 401 });
      },
      rateLimit: false,
    });
    await client.GET("/api/v1/domains");
    expect(urls).toEqual(["https://api.aiclicks.io/api/v1/domains"]);
  });
});

// Ayliea's one error body, `{ error: string }`, becomes the typed error's message for every
// status the spec documents, 429 carries the server's Retry-After, and the key never shows up.
import { describe, expect, it } from "vitest";
import { AuthenticationError, RateLimitError, ServerError, unwrap } from "../../src/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { mockUrl } from "../helpers.js";
import { caught, TEST_KEY } from "./support.js";

describe("Ayliea error bodies", () => {
  // No retries: each documented status should come straight back as its typed error.
  const client = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), rateLimit: false, maxRetries: 0 });

  it("401 without a key: AuthenticationError saying \"Invalid API key\"", async () => {
    const noKey: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete("x-api-key");
      return fetch(input, { ...init, headers });
    };
    const keyless = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), fetch: noKey, rateLimit: false });
    const result = await keyless.GET("/recommendations");
    expect(result.error).toEqual({ error: "Invalid API key" });
    const error = await caught(() => unwrap(result));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain(": Invalid API key.");
  });

  it("429: RateLimitError with the vendor's message and Retry-After in ms", async () => {
    const result = await client.GET("/scores", { headers: { Prefer: "code=429" } });
    const error = (await caught(() => unwrap(result))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toContain("Too many requests. Please try again later.");
    expect(error.retryAfter).toBe(2_000); // the spec's Retry-After example
  });

  it("500: ServerError with the vendor's message", async () => {
    const result = await client.GET("/assessments", { headers: { Prefer: "code=500" } });
    const error = await caught(() => unwrap(result));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toContain("Internal server error");
  });

  it("an undocumented status (409) with the same body still reads its message", async () => {
    const conflict = createAylieaClient({
      apiKey: TEST_KEY,
      fetch: async () => Response.json({ error: "Maximum number of API keys reached" }, { status: 409 }),
      rateLimit: false,
    });
    const error = await caught(async () => unwrap(await conflict.GET("/scores")));
    expect(error.message).toContain("Maximum number of API keys reached");
  });

  it("never puts the key in an error, its JSON or its stack", async () => {
    for (const code of [401, 403, 429, 500]) {
      const result = await client.GET("/scores", { headers: { Prefer: `code=${code}` } });
      const error = await caught(() => unwrap(result));
      expect(error.message + String(error.stack) + JSON.stringify(error)).not.toContain(TEST_KEY);
    }
  });
});

// Timer values are range-checked: Node turns a delay over 2³¹−1 ms into 1 ms, so timeoutMs and
// maxRetryWaitMs stop there (0 and Infinity are refused for timeoutMs), per client and per call,
// and a Retry-After longer than a timer holds is never slept as 1 ms.
import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient, type ClientOptions } from "../../src/core/create-client.js";
import { ConfigurationError, RateLimitError } from "../../src/index.js";
import { json, startFaultServer } from "../fixtures/fault-server.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const MAX = 2 ** 31 - 1;
const client = (options: ClientOptions) => createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, rateLimit: false, ...options });

describe("timer ranges", () => {
  it.each([
    ["timeoutMs", 0, /timeoutMs must be a whole number from 1 to 2147483647 ms, got 0/],
    ["timeoutMs", MAX + 1, /timeoutMs must be a whole number from 1 to 2147483647 ms, got 2147483648/],
    ["timeoutMs", Infinity, /timeoutMs must be .*got Infinity/],
    ["timeoutMs", 1.5, /timeoutMs must be .*got 1.5/],
    ["maxRetryWaitMs", MAX + 1, /maxRetryWaitMs must be a whole number from 0 to 2147483647 ms/],
    ["maxRetryWaitMs", -1, /maxRetryWaitMs must be/],
    ["maxRetries", -1, /maxRetries must be a whole number from 0/],
  ])("client option %s = %s is a ConfigurationError naming the option and the range", (name, value, message) => {
    expect(() => client({ [name]: value })).toThrow(ConfigurationError);
    expect(() => client({ [name]: value })).toThrow(message);
  });

  it("the largest values are accepted", () => {
    expect(() => client({ timeoutMs: MAX, maxRetryWaitMs: MAX })).not.toThrow();
  });

  it("a per-call timeoutMs out of range is refused before anything is sent", async () => {
    const sent: unknown[] = [];
    const fetch = (async (...args: unknown[]) => (sent.push(args), Response.json({}))) as unknown as typeof globalThis.fetch;
    const call = client({ fetch }).GET("/things", { timeoutMs: MAX + 1 });
    await expect(call).rejects.toBeInstanceOf(ConfigurationError);
    await expect(call).rejects.toThrow(/timeoutMs for this call must be a whole number from 1 to 2147483647 ms/);
    expect(sent).toHaveLength(0);
  });
});

describe("a Retry-After longer than a timer can hold", () => {
  let server: Awaited<ReturnType<typeof startFaultServer>> | undefined;
  afterEach(async () => server?.close());

  it("is over maxRetryWaitMs even at its largest, so the 429 comes back at once instead of a retry 1 ms later", async () => {
    server = await startFaultServer([json(429, { message: "quota" }, { "retry-after": String(3_000_000) }), json(200, {})]);
    const api = client({ baseUrl: server.url, maxRetryWaitMs: MAX, throwOnError: true });
    const error = (await api.GET("/things").catch((e: RateLimitError) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(3_000_000_000);
    expect(server.received).toHaveLength(1);
  });
});

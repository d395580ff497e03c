// The Redis store's options are checked at createRedisRateLimitStore, and its failure is an error
// of the package's hierarchy that names the call it stopped.
import { describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { ConfigurationError, VendorError } from "../../src/index.js";
import { createRedisRateLimitStore, RateLimitStoreError } from "../../src/redis/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";
import { thrownBy } from "../helpers.js";

describe("createRedisRateLimitStore options", () => {
  it.each([
    ["{}", {}, /needs exactly one of \{ url \} \(redis:\/\/\[user:password@\]host:port\[\/db\] \(rediss:\/\/ for TLS\)\) or \{ client \} \(an ioredis client\), got neither/],
    ["nothing", undefined, /needs \{ url \} or \{ client \}, got undefined/],
    ["a url that is not one", { url: "not a url" }, /url is not a URL; give redis:\/\//],
    ["an http:// url", { url: "http://127.0.0.1:6379" }, /url must be redis:\/\/.*got a http:\/\/ URL/],
    ["both", { url: "redis://127.0.0.1:1", client: {} }, /got both/],
    ["a client that is not ioredis", { client: { get() {} } }, /client must be an ioredis client/],
    ["timeoutMs 0", { url: "redis://127.0.0.1:1", timeoutMs: 0 }, /timeoutMs must be a number of milliseconds from 1 to 2147483647, got 0/],
  ])("%s: a ConfigurationError naming the option, the problem and what is accepted", (_, options, message) => {
    const error = thrownBy(() => createRedisRateLimitStore(options as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/^createRedisRateLimitStore: /);
    expect((error as Error).message).toMatch(message);
  });

  it("never prints the url's password", () => {
    for (const url of ["http://user:TOPSECRET@127.0.0.1:6379", "redis://user:TOPSECRET@bad host:6379"]) {
      const error = thrownBy(() => createRedisRateLimitStore({ url }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(String((error as Error).message)).not.toContain("TOPSECRET");
    }
  });
});

describe("RateLimitStoreError", () => {
  it("is a VendorError with the vendor, operation and request id of the call it stopped", async () => {
    const store = createRedisRateLimitStore({ url: "redis://127.0.0.1:1", timeoutMs: 200 });
    try {
      let sent = 0;
      const client = createVendorClient<TestPaths>(testVendor, {
        apiKey: TEST_KEY,
        baseUrl: "https://api.testvendor.invalid",
        fetch: async () => (sent++, Response.json({})),
        headers: { "X-Request-Id": "req-42" },
        rateLimit: { requests: 5, store, onStoreError: "fail" },
      });
      const error = await client.GET("/things").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitStoreError);
      expect(error).toBeInstanceOf(VendorError);
      expect(error).toMatchObject({ name: "RateLimitStoreError", vendor: "testvendor", operation: "GET /things", requestId: "req-42" });
      expect((error as Error).message).toMatch(/GET \/things was not sent.*Request id req-42/);
      expect(sent).toBe(0);
    } finally {
      await store.close();
    }
  });
});

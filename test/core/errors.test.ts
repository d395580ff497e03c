// One factory makes every HTTP error: the class follows the status, the message says what
// happened and what to do, and serializing an error never leaks more than it holds.
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import {
  ApiError,
  ConnectionError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  VendorError,
} from "../../src/index.js";
import { createApiError } from "../../src/core/errors.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

describe("createApiError", () => {
  it.each([
    [400, BadRequestError],
    [422, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [405, ApiError],
  ])("HTTP %i becomes %o", (status, Class) => {
    const error = createApiError({ vendor: "v", displayName: "Vendor", status, operation: "listThings (GET /things)", requestId: "r-1" });
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(VendorError);
    expect(error.name).toBe(Class.name);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).toContain("listThings");
    expect(error.message).toContain("r-1");
  });

  it("carries the vendor's code and message, and the wait the server asked for", () => {
    const error = createApiError({ vendor: "v", status: 429, code: "RATE_LIMITED", message: "Slow down", retryAfter: 23_000 });
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain("Slow down");
    expect(error.message).toContain("23 s");
    expect(error.retryAfter).toBe(23_000);
  });

  it("serializes its fields (for logs) without stack or cause", () => {
    const error = createApiError({ vendor: "v", status: 404, message: "gone", body: { detail: "gone" }, requestId: "r-2" });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: "NotFoundError", status: 404, vendor: "v", requestId: "r-2", body: { detail: "gone" } });
    expect(json.stack).toBeUndefined();
  });
});

/** A loopback port that nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function connectionFailure(baseUrl: string, fetch?: typeof globalThis.fetch): Promise<ConnectionError> {
  const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl, fetch, maxRetries: 0, rateLimit: false });
  const error = await client.GET("/things").then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectionError);
  return error as ConnectionError;
}

describe("connection errors point at the cause", () => {
  it("a refused loopback connection names the code and host:port, and says the mock may not be running", async () => {
    const port = await closedPort();
    const error = await connectionFailure(`http://127.0.0.1:${port}`);
    expect(error.message).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
    expect(error.message).toContain(`Nothing answered at 127.0.0.1:${port}: if that is a local mock, it may not be running`);
    expect(error.message).toContain("npx ai-vendor-contracts mock testvendor");
    expect(error.message).not.toMatch(/\.\./);
  });

  it("a remote host that does not resolve: the code and host, and advice about the network, not a mock", async () => {
    const dns = Object.assign(new Error("getaddrinfo ENOTFOUND api.testvendor.invalid"), { code: "ENOTFOUND", hostname: "api.testvendor.invalid" });
    const error = await connectionFailure("https://api.testvendor.invalid", (async () => {
      throw new TypeError("fetch failed", { cause: dns });
    }) as unknown as typeof fetch);
    expect(error.message).toContain("(attempt 1 of 1): ENOTFOUND api.testvendor.invalid. Check the network and baseUrl.");
    expect(error.message).not.toContain("mock");
  });

  it("Happy Eyeballs' AggregateError (localhost on ::1 and 127.0.0.1): the code and the first address", async () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}:4010`), { code: "ECONNREFUSED", address, port: 4010 });
    const all = Object.assign(new AggregateError([refused("::1"), refused("127.0.0.1")]), { code: "ECONNREFUSED" });
    const error = await connectionFailure("http://localhost:4010", (async () => {
      throw new TypeError("fetch failed", { cause: all });
    }) as unknown as typeof fetch);
    expect(error.message).toContain("ECONNREFUSED [::1]:4010. Nothing answered at localhost:4010");
  });

  it("a transport's own error message ending in a full stop is quoted without doubling it", async () => {
    const error = await connectionFailure("https://api.testvendor.invalid", (async () => {
      throw new Error("The proxy is down.");
    }) as unknown as typeof fetch);
    expect(error.message).toContain("(attempt 1 of 1): The proxy is down. Check the network");
    expect(error.message).not.toMatch(/\.\./);
  });
});

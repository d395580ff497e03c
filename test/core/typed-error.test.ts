// A failed call's `error` is the vendor's raw body; `errorOf` leads from the result (or from that
// body, once destructured) to the typed ApiError, and a problem+json body that is not in the
// vendor's shape (Prism's own answers) still gives the message its title and detail.
import { describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { errorOf, NotFoundError, RateLimitError, unwrap } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetch = async () =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
  return createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, maxRetries: 0, rateLimit: false });
}

describe("errorOf", () => {
  it("gives the typed error of a failed result, while `error` stays the vendor's raw body", async () => {
    const result = await answering(429, { message: "Slow down" }, { "Retry-After": "7" }).GET("/things");
    expect(result.error).toEqual({ message: "Slow down" });
    expect(result.error).not.toBeInstanceOf(RateLimitError);
    const typed = errorOf(result);
    expect(typed).toBeInstanceOf(RateLimitError);
    expect(typed?.retryAfter).toBe(7_000);
    expect(typed?.body).toEqual({ message: "Slow down" });
    // The same error unwrap throws.
    expect(() => unwrap(result)).toThrow(typed!);
  });

  it("finds it from the destructured error body too", async () => {
    const { error } = await answering(404, { message: "No such thing" }).GET("/things");
    expect(errorOf(error)).toBeInstanceOf(NotFoundError);
    expect(errorOf(error)?.message).toContain("No such thing");
  });

  it("is undefined for a success, for a body no client returned, and for nothing", async () => {
    const ok = await answering(200, { items: [] }).GET("/things");
    expect(errorOf(ok)).toBeUndefined();
    expect(errorOf({ message: "made up" })).toBeUndefined();
    expect(errorOf(undefined)).toBeUndefined();
  });

  it("is not an enumerable field: spreading or logging a result shows only what openapi-fetch returns", async () => {
    const result = await answering(404, { message: "gone" }).GET("/things");
    expect(Object.keys(result).sort()).toEqual(["error", "requestId", "response"]);
  });
});

describe("problem+json bodies outside the vendor's shape", () => {
  const prism = {
    type: "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR",
    title: "Route not resolved, no path matched",
    status: 404,
    detail: "The route /thingz hasn't been found in the specification file",
  };

  it("put their title and detail in the message", async () => {
    const result = await answering(404, prism, { "Content-Type": "application/problem+json" }).GET("/things");
    const message = errorOf(result)?.message;
    expect(message).toContain("HTTP 404: Route not resolved, no path matched: The route /thingz hasn't been found");
  });

  it("a title alone is enough; a plain `title` field without type or status is not a problem", async () => {
    const titled = await answering(500, { type: "about:blank", title: "Internal Server Error" }).GET("/things", { maxRetries: 0 });
    expect(errorOf(titled)?.message).toContain("HTTP 500: Internal Server Error.");
    const plain = await answering(400, { title: "a book title", message: "vendor words" }).GET("/things");
    expect(errorOf(plain)?.message).toContain("HTTP 400: vendor words.");
  });
});

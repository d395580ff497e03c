// One factory makes every HTTP error: the class follows the status, the message says what
// happened and what to do, and serializing an error never leaks more than it holds.
import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  VendorError,
} from "../../src/index.js";
import { createApiError } from "../../src/core/errors.js";

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

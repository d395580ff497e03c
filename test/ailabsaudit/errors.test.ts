// The vendor's error envelope `{ success: false, error: { code, message } }` becomes a typed
// error whose `code` is a string whatever the server sent, and the key never appears in it.
import { describe, expect, it } from "vitest";
import { BadRequestError, PermissionDeniedError, RateLimitError, ServerError, unwrap, type ApiError } from "../../src/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { mockUrl } from "../helpers.js";

const apiKey = "aila_error_test_secret_key";

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  return createAilabsauditClient({
    apiKey,
    baseUrl: "http://127.0.0.1:9",
    rateLimit: false,
    maxRetries: 0,
    fetch: async () => Response.json(body, { status, headers }),
  });
}

async function failureOf(client: ReturnType<typeof answering>): Promise<ApiError> {
  const result = await client.GET("/account/credits");
  try {
    unwrap(result);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected an error");
}

describe("AILabsAudit error bodies", () => {
  it("a numeric code is kept as a string; the message is the vendor's", async () => {
    const error = await failureOf(answering(403, { success: false, error: { code: 403, message: "Insufficient permissions" } }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.code).toBe("403");
    expect(error.message).toContain("Insufficient permissions");
    expect(error.body).toEqual({ success: false, error: { code: 403, message: "Insufficient permissions" } });
  });

  it("a symbolic string code is kept and shown", async () => {
    const error = await failureOf(answering(403, { success: false, error: { code: "insufficient_credits", message: "No credits left" } }));
    expect(error.code).toBe("insufficient_credits");
    expect(error.message).toContain("[insufficient_credits]");
    expect(error.message).toContain("No credits left");
  });

  it("the flat `{ error, message }` shape of the same host's tracking API is read too", async () => {
    const error = await failureOf(answering(500, { error: "internal_error", message: "Something broke" }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.code).toBe("internal_error");
    expect(error.message).toContain("Something broke");
  });

  it("a 429 is a RateLimitError that reports the X-RateLimit-Reset wait", async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const error = await failureOf(
      answering(429, { success: false, error: { code: 429, message: "Rate limit exceeded" } }, {
        "x-ratelimit-limit": "60",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
      }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBeGreaterThan(0);
  });

  it("the key never appears in an error, its message or its JSON form", async () => {
    const error = await failureOf(answering(401, { success: false, error: { code: 401, message: "Invalid or missing API key" } }));
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(apiKey);
  });

  it("per_page over 100: Prism answers 400 and throwOnError throws BadRequestError", async () => {
    const client = createAilabsauditClient({
      apiKey,
      baseUrl: mockUrl("ailabsaudit"),
      validate: "off",
      throwOnError: true,
      rateLimit: false,
    });
    await expect(client.GET("/clients", { params: { query: { per_page: 500 } } })).rejects.toBeInstanceOf(BadRequestError);
  });
});

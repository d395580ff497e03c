// AIPTx's error envelope `{ success: false, error: { code, message, details }, meta }` becomes a
// typed error whose code, message, details and AIPTx request id are readable — and the API key
// appears in none of it.
import { describe, expect, it } from "vitest";
import { AuthenticationError, BadRequestError, RateLimitError, ServerError, unwrap } from "../../src/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { mockUrl } from "../helpers.js";

const apiKey = "aiptx_errors_secret_key_9f8e7d";

/** The error `unwrap` throws for a call's result. */
async function unwrapError<E extends Error>(call: Promise<Parameters<typeof unwrap>[0]>): Promise<E> {
  const result = await call;
  try {
    unwrap(result);
  } catch (error) {
    return error as E;
  }
  throw new Error("expected unwrap to throw");
}

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  return createAiptxClient({
    apiKey,
    rateLimit: false,
    maxRetries: 0,
    fetch: async () => Response.json(body, { status, headers }),
  });
}

describe("AIPTx errors", () => {
  it("INVALID_TARGET: code, message, details and the AIPTx request id all reach the BadRequestError", async () => {
    const client = answering(400, {
      success: false,
      error: {
        code: "INVALID_TARGET",
        message: "The provided target URL is not accessible",
        details: { target: "https://invalid.example.com", reason: "DNS resolution failed" },
      },
      meta: { request_id: "req_xyz789" },
    });
    const error = await unwrapError<BadRequestError>(client.POST("/scans", { body: { target: "https://invalid.example.com" } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe("INVALID_TARGET");
    expect(error.status).toBe(400);
    expect(error.message).toContain("[INVALID_TARGET]");
    expect(error.message).toContain("The provided target URL is not accessible");
    expect(error.message).toContain("DNS resolution failed");
    expect(error.message).toContain("req_xyz789");
    expect(error.requestId).toBe("req_xyz789");
    expect(error.body).toMatchObject({ error: { details: { reason: "DNS resolution failed" } } });
  });

  it("a 429 becomes RateLimitError with the wait the X-RateLimit headers ask for", async () => {
    const reset = Math.floor(Date.now() / 1000) + 3_600; // beyond maxRetryWaitMs, so no retry
    const client = answering(
      429,
      { success: false, error: { code: "RATE_LIMITED", message: "Rate limit exceeded" } },
      { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
    );
    const error = await unwrapError<RateLimitError>(client.GET("/scans"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfter).toBeGreaterThan(3_000_000);
  });

  it("a body without the envelope still gives a typed error", async () => {
    const client = answering(500, { oops: true });
    const error = await unwrapError(client.GET("/scans"));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toContain("HTTP 500");
  });

  it("Prism's 401 for a request without a key is an AuthenticationError, and the key is never in it", async () => {
    const dropAuth: typeof fetch = (input, init) => {
      const request = new Request(input as Request, init);
      const headers = new Headers(request.headers);
      headers.delete("authorization");
      return fetch(new Request(request, { headers }));
    };
    const client = createAiptxClient({ apiKey, baseUrl: mockUrl("aiptx"), fetch: dropAuth, rateLimit: false });
    const error = await unwrapError<AuthenticationError>(client.GET("/scans"));
    expect(error.status).toBe(401);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toMatch(/^[A-Z_]+$/);
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(apiKey);
  });
});

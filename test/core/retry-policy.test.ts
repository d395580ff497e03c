// The retry decisions on their own: which requests may be repeated, how long to wait.
import { describe, expect, it } from "vitest";
import { backoffMs, mayRetryMethod, RETRYABLE_STATUSES, serverWaitMs } from "../../src/core/retry.js";

describe("retry policy", () => {
  it("retries the statuses that mean 'try again', and no others", () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([408, 429, 500, 502, 503, 504]);
    for (const status of [400, 401, 403, 404, 405, 409, 422, 501]) expect(RETRYABLE_STATUSES.has(status)).toBe(false);
  });

  it("repeats idempotent methods always, POST/PATCH only if unsent or opted in", () => {
    for (const method of ["GET", "HEAD", "PUT", "DELETE"]) expect(mayRetryMethod(method, true, false)).toBe(true);
    expect(mayRetryMethod("POST", true, false)).toBe(false);
    expect(mayRetryMethod("PATCH", true, false)).toBe(false);
    expect(mayRetryMethod("POST", false, false)).toBe(true);
    expect(mayRetryMethod("POST", true, true)).toBe(true);
  });

  it("backs off 0.5 s × 2ⁿ with jitter, capped at 8 s", () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(3, () => 0)).toBe(4000);
    expect(backoffMs(10, () => 0)).toBe(8000);
    expect(backoffMs(1, () => 1)).toBe(750);
    for (let n = 0; n < 12; n++) {
      const wait = backoffMs(n);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(8000);
    }
  });

  it("reads the server's wait from retry-after-ms, Retry-After seconds or date, then X-RateLimit-Reset", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    expect(serverWaitMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(serverWaitMs(new Headers({ "retry-after": "23" }), now)).toBe(23_000);
    expect(serverWaitMs(new Headers({ "retry-after": "Mon, 23 Nov 2026 10:00:05 GMT" }), now)).toBe(5_000);
    expect(serverWaitMs(new Headers({ "retry-after": "Mon, 23 Nov 2026 09:00:00 GMT" }), now)).toBe(0);
    const reset = String(now / 1000 + 12);
    expect(serverWaitMs(new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), now)).toBe(12_000);
    // Reset only counts when the window is spent.
    expect(serverWaitMs(new Headers({ "x-ratelimit-remaining": "3", "x-ratelimit-reset": reset }), now)).toBeUndefined();
    expect(serverWaitMs(new Headers({ "retry-after": "7", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), now)).toBe(7_000);
    expect(serverWaitMs(new Headers(), now)).toBeUndefined();
  });
});

// The retry decisions on their own: which requests may be repeated, how long to wait.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffMs, mayRetryMethod, parseHttpDate, RETRYABLE_STATUSES, serverWaitMs } from "../../src/core/retry.js";

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

  it("a malformed retry-after-ms gives way to a valid Retry-After", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    for (const ms of ["", " ", "abc", "-5", "1e3", "0x10", "Infinity", "5, 5", "+7"]) {
      expect(serverWaitMs(new Headers({ "retry-after-ms": ms, "retry-after": "7" }), now), JSON.stringify(ms)).toBe(7_000);
    }
  });

  it("a Retry-After sent twice (\"5, 5\") is neither 5 s nor a date in 2001: the next source decides", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    expect(serverWaitMs(new Headers([["retry-after", "5"], ["retry-after", "5"]]), now)).toBeUndefined();
    const reset = String(now / 1000 + 12);
    const spent = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset };
    expect(serverWaitMs(new Headers({ "retry-after": "5, 5", ...spent }), now)).toBe(12_000);
    for (const junk of ["", "soon", "-1", "1e2", "Mon, 31 Feb 2026 10:00:00 GMT", "Mon, 23 Nov 2026 24:00:00 GMT", "2026-11-23T10:00:05Z", "23 Nov 2026 10:00:05"]) {
      expect(serverWaitMs(new Headers({ "retry-after": junk, ...spent }), now), JSON.stringify(junk)).toBe(12_000);
    }
    expect(serverWaitMs(new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "soon" }), now)).toBeUndefined();
  });

  it("reads all three HTTP-date forms, and two-digit years within fifty years of now", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    const at = Date.parse("2026-11-23T10:00:05Z");
    expect(parseHttpDate("Mon, 23 Nov 2026 10:00:05 GMT", now)).toBe(at);
    expect(parseHttpDate("Monday, 23-Nov-26 10:00:05 GMT", now)).toBe(at);
    expect(parseHttpDate("Mon Nov 23 10:00:05 2026", now)).toBe(at);
    expect(parseHttpDate("Sun Nov  6 08:49:37 1994", now)).toBe(Date.parse("1994-11-06T08:49:37Z"));
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT", now)).toBe(Date.parse("1994-11-06T08:49:37Z"));
  });
});

describe("serverWaitMs properties", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  const spent = (resetSeconds: number) => ({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + resetSeconds) });
  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");
  const time = (d: Date) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const forms = {
    imf: (d: Date) => d.toUTCString(),
    rfc850: (d: Date) =>
      `${LONG_DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ${time(d)} GMT`,
    asctime: (d: Date) =>
      `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${time(d)} ${d.getUTCFullYear()}`,
  };
  // Whole seconds within ±40 years of now, so RFC 850's two-digit year is unambiguous.
  const dates = fc.integer({ min: -40 * 31_557_600, max: 40 * 31_557_600 }).map((s) => new Date(now + s * 1000));
  const delta = fc.oneof(fc.nat().map(String), fc.tuple(fc.nat(100_000), fc.nat(999)).map(([i, f]) => `${i}.${String(f).padStart(3, "0")}`));

  it("delta-seconds, integer or decimal, is read exactly", () => {
    fc.assert(fc.property(delta, (value) => serverWaitMs(new Headers({ "retry-after": value }), now) === Number(value) * 1000));
  });

  it("every date in each HTTP-date form is read to the second", () => {
    fc.assert(
      fc.property(dates, fc.constantFrom(...Object.values(forms)), (date, form) => {
        expect(parseHttpDate(form(date), now)).toBe(date.getTime());
        expect(serverWaitMs(new Headers({ "retry-after": form(date) }), now)).toBe(Math.max(0, date.getTime() - now));
      }),
    );
  });

  it("a header sent twice or more, of well-formed values, is never read as one: the reset decides", () => {
    const value = fc.oneof(delta, dates.map(forms.imf));
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 4 }), fc.nat(3600), (values, reset) => {
        const headers = new Headers(spent(reset));
        for (const v of values) headers.append("retry-after", v);
        expect(serverWaitMs(headers, now)).toBe(reset * 1000);
      }),
    );
  });

  it("a value of any other shape gives way to the next source", () => {
    // Strings that are neither a number nor a date: no digit at all, or a digit run broken by junk.
    const junk = fc.oneof(fc.string().filter((s) => !/\d/.test(s)), fc.tuple(fc.nat(), fc.constantFrom("s", " s", "e3", "-", "ms", ",")).map(([n, t]) => `${n}${t}`));
    fc.assert(
      fc.property(junk, fc.nat(3600), (value, reset) => {
        let headers: Headers;
        try {
          headers = new Headers({ "retry-after-ms": value, "retry-after": value, ...spent(reset) });
        } catch {
          return true; // not a header value at all
        }
        expect(serverWaitMs(headers, now)).toBe(reset * 1000);
      }),
    );
  });
});

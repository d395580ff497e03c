// Retry decisions as small pure functions, so tests can call them directly.
export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * May this request be sent again? Idempotent methods always; anything else (POST, PATCH) only
 * when it cannot have reached the server, or when the caller opted in for this call.
 */
export function mayRetryMethod(method: string, reachedServer: boolean, optIn: boolean): boolean {
  return optIn || IDEMPOTENT.has(method.toUpperCase()) || !reachedServer;
}

/** 0.5 s × 2ⁿ, capped at 8 s, with up to 25 % jitter taken off so clients spread out. */
export function backoffMs(retryNumber: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** retryNumber, MAX_BACKOFF_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

/** delta-seconds (RFC 9110), also as a decimal ("1.5") since some servers send one; never signed or exponent. */
const DELTA = /^\d+(?:\.\d+)?$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(?<month>${MONTHS.join("|")})`;
const TIME = "(?<h>\\d{2}):(?<min>\\d{2}):(?<sec>\\d{2})";
// The three HTTP-date forms of RFC 9110 §5.6.7: IMF-fixdate, RFC 850, asctime.
const HTTP_DATES = [
  new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT$`),
  new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} (?<day> \\d|\\d{2}) ${TIME} (?<year>\\d{4})$`),
];
const FIFTY_YEARS_MS = 50 * 365.25 * 24 * 3600_000;

/**
 * An HTTP date as epoch ms, or undefined unless it is exactly one of the three forms with a real
 * calendar date (Date.parse would read "5, 5", a Retry-After sent twice, as a day in 2001).
 */
export function parseHttpDate(text: string, now: number = Date.now()): number | undefined {
  const fields = HTTP_DATES.map((form) => form.exec(text)?.groups).find(Boolean);
  if (!fields) return undefined;
  const [day, h, min, sec] = [fields.day, fields.h, fields.min, fields.sec].map(Number) as [number, number, number, number];
  const month = MONTHS.indexOf(fields.month!);
  let year = Number(fields.year);
  // Two-digit years: more than 50 years ahead means the last century (RFC 9110 §5.6.7).
  if (fields.year!.length === 2) year += Date.UTC(2000 + year, 0) - now > FIFTY_YEARS_MS ? 1900 : 2000;
  // Date.UTC rolls 31 Feb over into March; a real date keeps its day. Second 60 is a leap second.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day || h > 23 || min > 59 || sec > 60) return undefined;
  return Date.UTC(year, month, day, h, min, sec);
}

/**
 * How long the server asked us to wait, in ms: `retry-after-ms`, then `Retry-After` (seconds or
 * an HTTP date), then `X-RateLimit-Reset` (epoch seconds) when `X-RateLimit-Remaining` is 0.
 * A source that is absent or malformed (empty, signed, "5, 5", a loose date) gives way to the next.
 */
export function serverWaitMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && DELTA.test(ms)) return Number(ms);
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null) {
    if (DELTA.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = parseHttpDate(retryAfter, now);
    if (date !== undefined) return Math.max(0, date - now);
  }
  const reset = headers.get("x-ratelimit-reset");
  if (headers.get("x-ratelimit-remaining") === "0" && reset !== null && DELTA.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - now);
  }
  return undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

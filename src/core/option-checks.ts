// Checks of options that are not numbers (create-client.ts checks those): each is refused where
// it is given — at creation or on the call — with a ConfigurationError naming the option, what is
// wrong and what is accepted, so a typo from JavaScript is not silently read as a default.
import { ConfigurationError, type ErrorContext } from "./errors.js";
import type { PageBounds } from "./paginate.js";
import type { RateLimitOptions } from "./rate-limit.js";
import { MAX_TIMER_MS } from "./timeout.js";

const who = (context: ErrorContext) => context.displayName ?? context.vendor;

/** `value` when it is one of `allowed` (or undefined); a ConfigurationError otherwise. */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], context: ErrorContext): T | undefined {
  if (value === undefined || allowed.includes(value as T)) return value as T | undefined;
  throw new ConfigurationError(
    `${who(context)} client: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${describeValue(value)}.`,
    context,
  );
}

export const VALIDATION_MODES = ["strict", "warn", "off"] as const;

/** The client options that are not numbers (those are checked with their ranges in create-client.ts). */
export function checkClientOptions(options: Record<string, unknown>, context: ErrorContext): void {
  if (options === null || typeof options !== "object") {
    throw new ConfigurationError(`${who(context)} client: options must be an object, got ${describeValue(options)}.`, context);
  }
  oneOf("validate", options.validate, VALIDATION_MODES, context);
  const kinds: [string, unknown, boolean, string][] = [
    ["fetch", options.fetch, typeof options.fetch === "function", "a function (url, init) => Promise<Response>"],
    ["onValidationError", options.onValidationError, typeof options.onValidationError === "function", "a function"],
    ["throwOnError", options.throwOnError, typeof options.throwOnError === "boolean", "true or false"],
    ["headers", options.headers, typeof options.headers === "object" && options.headers !== null, "an object of header names and values"],
    ["logger", options.logger, typeof (options.logger as { debug?: unknown } | null)?.debug === "function" && typeof (options.logger as { warn?: unknown }).warn === "function", "an object with debug and warn functions (console fits)"],
  ];
  for (const [name, value, fits, accepted] of kinds) {
    if (value !== undefined && !fits) {
      throw new ConfigurationError(`${who(context)} client: ${name} must be ${accepted}, got ${describeValue(value)}.`, context);
    }
  }
}

/**
 * The per-call options openapi-fetch would take but the client refuses: a `baseUrl` for one call
 * would skip every rule the client's own baseUrl passed (https only, no user-info), and send the
 * key wherever it points.
 */
export function checkCallInit(init: Record<string, unknown>, context: ErrorContext): void {
  if (init.baseUrl !== undefined) {
    throw new ConfigurationError(
      `${who(context)} client: baseUrl cannot be set for one call (it would bypass the client's checks on where the API key ` +
        `is sent); create a client with { baseUrl } for that server instead.`,
      context,
    );
  }
  oneOf("validate for this call", init.validate, VALIDATION_MODES, context);
}

/** maxItems and maxPages of a paginate call: whole numbers ≥ 0, or Infinity. */
export function checkPageBounds(bounds: PageBounds, context: ErrorContext): void {
  for (const name of ["maxItems", "maxPages"] as const) {
    const value: unknown = bounds[name];
    if (value === undefined || value === Infinity || (typeof value === "number" && Number.isInteger(value) && value >= 0)) continue;
    throw new ConfigurationError(
      `${who(context)} paginate: ${name} must be a whole number from 0 up, or Infinity for no bound, got ${describeValue(value)}.`,
      context,
    );
  }
}

/** The `rateLimit` option: checked before a limiter is built from it. */
export function checkRateLimit(options: RateLimitOptions, context: ErrorContext): void {
  const bad = (what: string) => new ConfigurationError(`${who(context)} client: rateLimit${what}.`, context);
  if (options === null || typeof options !== "object") throw bad(` must be false or { requests, windowMs?, store?, onStoreError? }, got ${describeValue(options)}`);
  const { requests, windowMs, store, onStoreError } = options as unknown as Record<string, unknown>;
  if (typeof requests !== "number" || !Number.isInteger(requests) || requests < 1) {
    throw bad(`.requests must be a whole number from 1 up (requests per window), got ${describeValue(requests)}`);
  }
  if (windowMs !== undefined && (typeof windowMs !== "number" || !(windowMs >= 1 && windowMs <= MAX_TIMER_MS))) {
    throw bad(`.windowMs must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${describeValue(windowMs)}`);
  }
  if (store !== undefined && typeof (store as { limiter?: unknown } | null)?.limiter !== "function") {
    throw bad(`.store must be a store from createRedisRateLimitStore (ai-vendor-contracts/redis), got ${describeValue(store)}`);
  }
  oneOf("rateLimit.onStoreError", onStoreError, ["fallback", "fail"], context);
}

/** A value as a message may show it: strings quoted and cut, never an object's contents. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

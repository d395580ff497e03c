// The limiter interface the transport talks to, and the one place that picks an implementation:
// the in-process limiter, or a store shared by many processes (ai-vendor-contracts/redis).
import type { Logger } from "./logger.js";
import { effectiveWindowMs, LocalRateLimiter } from "./local-rate-limit.js";

export interface RateLimiter {
  /** Waits for a slot; an abort rejects with the signal's reason at once and takes no slot. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Feeds back an answer, so a server that says its window is spent pauses the limiter. */
  observe(headers: Headers, status: number): void;
}

/** What a shared store needs to build one client's limiter. The API key itself is never in it. */
export interface SharedLimitSpec {
  /** `<vendor>:<fingerprint of the API key>`: every client with this namespace shares one limit. */
  namespace: Promise<string>;
  requests: number;
  /** The rolling window, slack included. */
  windowMs: number;
  onStoreError: "fallback" | "fail";
  /** Used while the store is unreachable (onStoreError "fallback"). */
  fallback: RateLimiter;
  /** One line per outage and per recovery. */
  warn: (message: string) => void;
}

export interface RateLimitStore {
  limiter(spec: SharedLimitSpec): RateLimiter;
}

export interface RateLimitOptions {
  /** Requests allowed per window. */
  requests: number;
  /** Window length; one minute unless scaled down (tests). */
  windowMs?: number;
  /** Shares the limit with every process using the same store and key (createRedisRateLimitStore). */
  store?: RateLimitStore;
  /** With a store: go on under the in-process limiter while it is unreachable (default), or fail calls. */
  onStoreError?: "fallback" | "fail";
}

/** A one-way name for the key (SHA-256, first 16 hex digits): stores see this, never the key. */
export async function keyFingerprint(apiKey: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(apiKey));
  return Array.from(new Uint8Array(digest).subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function createRateLimiter(options: RateLimitOptions, owner: { vendor: string; apiKey: string; logger?: Logger }): RateLimiter {
  const local = new LocalRateLimiter(options);
  if (!options.store) return local;
  const onStoreError = options.onStoreError ?? "fallback";
  if (onStoreError !== "fallback" && onStoreError !== "fail") {
    throw new RangeError(`rateLimit.onStoreError must be "fallback" or "fail", got ${JSON.stringify(onStoreError)}`);
  }
  const { logger } = owner;
  return options.store.limiter({
    namespace: keyFingerprint(owner.apiKey).then((fingerprint) => `${owner.vendor}:${fingerprint}`),
    requests: options.requests,
    windowMs: effectiveWindowMs(options),
    onStoreError,
    fallback: local,
    warn: logger ? (message) => logger.warn(message) : (message) => console.warn(message),
  });
}

// The limiter interface the transport talks to, and the one place that picks an implementation:
// the in-process limiter, or a store shared by many processes (ai-vendor-contracts/redis).
import type { ErrorContext } from "./errors.js";
import type { Logger } from "./logger.js";
import { effectiveWindowMs, LocalRateLimiter } from "./local-rate-limit.js";
import { checkRateLimit } from "./option-checks.js";

export interface RateLimiter {
  /**
   * Waits for a slot; an abort rejects with the signal's reason at once and takes no slot.
   * `context` is the call's, for an error the limiter itself raises (a shared store out of reach).
   */
  acquire(signal?: AbortSignal, context?: ErrorContext): Promise<void>;
  /** Feeds back an answer, so a server that says its window is spent pauses the limiter. */
  observe(headers: Headers, status: number): void;
}

/** What a shared store needs to build one client's limiter. */
export interface SharedLimitSpec {
  vendor: string;
  /** Only to derive a one-way fingerprint that names the shared limit; a store never writes it anywhere. */
  apiKey: string;
  requests: number;
  /** The rolling window, slack included. */
  windowMs: number;
  onStoreError: RateLimitOptions["onStoreError"];
  /**
   * The in-process limiter: serves while the store is unreachable, and counts every start made
   * through the store too, so one process never passes `requests` per window across a switch.
   */
  fallback: LocalRateLimiter;
  /** The client's logger, if it has one. */
  logger: Logger | undefined;
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

/** How long the limiter holds a call before the client says so (once): in a test it looks like a hang. */
export const LONG_WAIT_MS = 3_000;

export function createRateLimiter(
  options: RateLimitOptions,
  owner: { vendor: string; displayName?: string; apiKey: string; logger?: Logger },
): RateLimiter {
  checkRateLimit(options, { vendor: owner.vendor, displayName: owner.displayName });
  const fallback = new LocalRateLimiter(options);
  const { store, requests, onStoreError } = options;
  const { vendor, apiKey, logger } = owner;
  const limiter = store ? store.limiter({ vendor, apiKey, requests, windowMs: effectiveWindowMs(options), onStoreError, fallback, logger }) : fallback;
  const warn = logger ? (message: string) => logger.warn(message) : (message: string) => console.warn(message);
  const windowMs = options.windowMs ?? 60_000;
  return warnOnce(
    limiter,
    `${owner.displayName ?? vendor} client: the client-side rate limiter (${requests} request${requests === 1 ? "" : "s"} per ${windowMs} ms) ` +
      `has held a call for over ${LONG_WAIT_MS / 1000} s, which is the limit at work, not a hang. In tests against a mock or MSW, ` +
      `pass rateLimit: false to the client; against the API, set rateLimit.requests to your plan's limit.`,
    warn,
  );
}

/** The limiter, with one warning per client the first time a call waits over LONG_WAIT_MS. */
function warnOnce(limiter: RateLimiter, message: string, warn: (message: string) => void): RateLimiter {
  let warned = false;
  return {
    observe: (headers, status) => limiter.observe(headers, status),
    acquire(signal, context) {
      const granted = limiter.acquire(signal, context);
      if (warned) return granted;
      const timer = setTimeout(() => {
        if (!warned) warn(message);
        warned = true;
      }, LONG_WAIT_MS);
      // The wait itself holds the process; this timer only watches it.
      timer.unref?.();
      const stop = () => clearTimeout(timer);
      granted.then(stop, stop);
      return granted;
    },
  };
}

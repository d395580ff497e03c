// One client's limiter over the Redis store. Waiters queue in process, in order; one script call
// asks Redis for as many slots as there are waiters, then sleeps for exactly the wait it returns
// (a slot frees only when the oldest start leaves the window, so there is nothing to poll for). While Redis is out of reach,
// waiters go to the in-process fallback, or fail, as the client chose. Every start made through
// Redis is counted by the fallback too, and Redis is never asked for more than the fallback has
// room for: across a switch either way, this process keeps to `requests` per window.
import { createHash, randomUUID } from "node:crypto";
import type { RateLimiter, SharedLimitSpec } from "../core/rate-limit.js";
import { serverWaitMs } from "../core/retry.js";
import type { ErrorContext } from "../core/errors.js";
import { storeUnreachable } from "./store-error.js";
import type { RedisRateLimitStore } from "./store.js";

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  context: ErrorContext;
}

export class SharedRateLimiter implements RateLimiter {
  readonly #store: RedisRateLimitStore;
  readonly #spec: SharedLimitSpec;
  /** `<vendor>:<first 16 hex digits of the key's SHA-256>`: one-way, so Redis never sees the key. */
  readonly #namespace: string;
  readonly #onStoreError: "fallback" | "fail";
  readonly #warn: (message: string) => void;
  readonly #waiters = new Set<Waiter>();
  readonly #memberPrefix = randomUUID();
  #calls = 0;
  #pumping = false;
  #wake: (() => void) | undefined;
  #degraded = false;

  constructor(store: RedisRateLimitStore, spec: SharedLimitSpec) {
    const onStoreError = spec.onStoreError ?? "fallback";
    if (onStoreError !== "fallback" && onStoreError !== "fail") {
      throw new RangeError(`rateLimit.onStoreError must be "fallback" or "fail", got ${JSON.stringify(onStoreError)}.`);
    }
    this.#store = store;
    this.#spec = spec;
    this.#onStoreError = onStoreError;
    this.#namespace = `${spec.vendor}:${createHash("sha256").update(spec.apiKey).digest("hex").slice(0, 16)}`;
    const { logger } = spec;
    this.#warn = logger ? (message) => logger.warn(message) : (message) => console.warn(message);
  }

  acquire(signal?: AbortSignal, context: ErrorContext = { vendor: this.#spec.vendor }): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        context,
        onAbort: () => {
          this.#waiters.delete(waiter);
          if (!this.#waiters.size) this.#wake?.();
          reject(signal!.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#waiters.add(waiter);
      void this.#pump();
    });
  }

  /** A spent window (X-RateLimit-Remaining: 0 + Reset) or a 429's Retry-After pauses every process. */
  observe(headers: Headers, status: number): void {
    this.#spec.fallback.observe(headers);
    if (status !== 429 && headers.get("x-ratelimit-remaining") !== "0") return;
    const ms = serverWaitMs(headers);
    if (!ms) return;
    const pause = Math.min(ms, this.#spec.windowMs);
    // Unreachable Redis: the fallback above has paused this process, which is all we can do.
    this.#store.pause(this.#namespace, pause).catch(() => {});
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      const local = this.#spec.fallback;
      while (this.#waiters.size) {
        // Starts made without Redis (an outage just ended) still count in this process's window.
        const room = local.room();
        if (!room.free) {
          await this.#sleep(room.waitMs);
          continue;
        }
        const prefix = `${this.#memberPrefix}:${++this.#calls}`;
        const namespace = this.#namespace;
        let answer: { granted: number; waitMs: number };
        try {
          answer = await this.#store.acquire(namespace, this.#spec.requests, this.#spec.windowMs, prefix, Math.min(this.#waiters.size, room.free));
        } catch (error) {
          this.#storeFailed(error);
          continue;
        }
        if (this.#degraded) {
          this.#degraded = false;
          this.#warn("Rate-limit store reachable again: the limit is shared across processes again.");
        }
        const unused: string[] = [];
        // The fallback's own queue may have used local room while Redis answered.
        const usable = Math.min(answer.granted, local.room().free);
        for (let i = 1; i <= answer.granted; i++) {
          const [next] = this.#waiters;
          if (next && i <= usable) {
            local.record(1);
            this.#grant(next, next.resolve);
          } else unused.push(`${prefix}:${i}`);
        }
        // Callers that aborted while Redis answered give their starts back rather than waste them.
        if (unused.length) await this.#store.release(namespace, unused).catch(() => {});
        if (answer.waitMs > 0 && this.#waiters.size) await this.#sleep(answer.waitMs);
      }
    } finally {
      this.#pumping = false;
    }
  }

  #storeFailed(error: unknown): void {
    const reason = (error as Error)?.message ?? String(error);
    const waiting = [...this.#waiters];
    if (this.#onStoreError === "fail") {
      for (const waiter of waiting) this.#grant(waiter, () => waiter.reject(storeUnreachable(error, waiter.context)));
      return;
    }
    if (!this.#degraded) {
      this.#degraded = true;
      this.#warn(
        `Rate-limit store unreachable (${reason}): going on under the in-process limiter, ` +
          `so other processes sharing the key are not counted until it is back.`,
      );
    }
    for (const waiter of waiting) {
      this.#grant(waiter, () => this.#spec.fallback.acquire(waiter.signal).then(waiter.resolve, waiter.reject));
    }
  }

  /** Takes the waiter out of the queue, then settles it with `settle`. */
  #grant(waiter: Waiter, settle: () => void): void {
    this.#waiters.delete(waiter);
    waiter.signal?.removeEventListener("abort", waiter.onAbort);
    settle();
  }

  /** Sleeps `ms`, or less if every waiter leaves (nobody left to wait for). */
  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }
}

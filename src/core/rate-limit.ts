// A per-client limiter that keeps the number of request starts in any rolling window under the
// vendor's published limit, and also pauses when the server reports an exhausted window.
import { sleep } from "./retry.js";

export interface RateLimitOptions {
  /** Requests allowed per window. */
  requests: number;
  /** Window length; one minute unless scaled down (tests). */
  windowMs?: number;
}

export class RateLimiter {
  readonly #requests: number;
  readonly #windowMs: number;
  readonly #starts: number[] = [];
  #pausedUntil = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(options: RateLimitOptions) {
    if (!Number.isInteger(options.requests) || options.requests < 1) {
      throw new RangeError(`rateLimit.requests must be a whole number ≥ 1, got ${options.requests}`);
    }
    this.#requests = options.requests;
    // A little slack on top of the window absorbs clock skew and requests that arrive late, so a
    // burst never lands one request too many in the server's own window.
    const windowMs = options.windowMs ?? 60_000;
    this.#windowMs = windowMs + Math.min(1_000, windowMs * 0.1);
  }

  /** Waits for a free slot. Callers are served in order, so a burst drains evenly. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#waitForSlot(signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** The server's own view wins when it says the window is spent. */
  observe(headers: Headers, now: number = Date.now()): void {
    const reset = Number(headers.get("x-ratelimit-reset"));
    if (headers.get("x-ratelimit-remaining") === "0" && Number.isFinite(reset) && reset > 0) {
      this.#pausedUntil = Math.max(this.#pausedUntil, Math.min(reset * 1000, now + this.#windowMs));
    }
  }

  async #waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.#starts.length && this.#starts[0]! <= now - this.#windowMs) this.#starts.shift();
      const wait = Math.max(
        this.#pausedUntil - now,
        this.#starts.length >= this.#requests ? this.#starts[0]! + this.#windowMs - now : 0,
      );
      if (wait <= 0) {
        this.#starts.push(now);
        return;
      }
      await sleep(wait, signal);
    }
  }
}

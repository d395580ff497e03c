// The in-process limiter: at most `requests` starts in any rolling window, callers served in
// order, and a pause while the server reports an exhausted window.
// Times are monotonic (clock.ts): a step of the wall clock neither stretches nor empties a window.
import { monotonicNow } from "./clock.js";
import type { RateLimiter, RateLimitOptions } from "./rate-limit.js";

/**
 * The rolling window the limiter keeps. A little slack on top absorbs clock skew and requests
 * that arrive late, so a burst never lands one request too many in the server's own window.
 */
export function effectiveWindowMs(options: RateLimitOptions): number {
  // The options were checked by createRateLimiter (option-checks.ts).
  const windowMs = options.windowMs ?? 60_000;
  return windowMs + Math.min(1_000, windowMs * 0.1);
}

interface Waiter {
  resolve: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class LocalRateLimiter implements RateLimiter {
  readonly #requests: number;
  readonly #windowMs: number;
  readonly #starts: number[] = [];
  // A Set keeps arrival order and lets an aborted waiter leave from anywhere in O(1).
  readonly #waiters = new Set<Waiter>();
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions) {
    this.#requests = options.requests;
    this.#windowMs = effectiveWindowMs(options);
  }

  /** Waits for a free slot. Callers are served in order, so a burst drains evenly. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          this.#waiters.delete(waiter);
          if (!this.#waiters.size) this.#stopTimer();
          reject(signal!.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#waiters.add(waiter);
      if (this.#timer === undefined) this.#drain();
    });
  }

  /**
   * The server's own view wins when it says the window is spent. Its reset is a wall-clock time:
   * turned into a wait at once, and never longer than the window, whatever the clock says.
   */
  observe(headers: Headers): void {
    const reset = Number(headers.get("x-ratelimit-reset"));
    if (headers.get("x-ratelimit-remaining") === "0" && Number.isFinite(reset) && reset > 0) {
      const waitMs = Math.min(Math.max(0, reset * 1000 - Date.now()), this.#windowMs);
      this.#pausedUntil = Math.max(this.#pausedUntil, monotonicNow() + waitMs);
    }
  }

  /**
   * Slots free now (0 while paused), and the ms until the next one frees when none is. The shared
   * limiter asks Redis for no more than this, so one process never passes its own limit.
   */
  room(): { free: number; waitMs: number } {
    const now = this.#expire();
    const free = this.#pausedUntil > now ? 0 : this.#requests - this.#starts.length;
    if (free > 0) return { free, waitMs: 0 };
    const full = this.#starts.length >= this.#requests;
    return { free: 0, waitMs: Math.max(this.#pausedUntil - now, full ? this.#starts[0]! + this.#windowMs - now : 0) };
  }

  /** Counts `count` starts made now elsewhere (through the shared store), so a switch to this limiter knows them. */
  record(count: number): void {
    const now = monotonicNow();
    for (let i = 0; i < count; i++) this.#starts.push(now);
  }

  /** Forgets the starts that have left the window; the current time. */
  #expire(): number {
    const now = monotonicNow();
    while (this.#starts.length && this.#starts[0]! <= now - this.#windowMs) this.#starts.shift();
    return now;
  }

  /** Hands out every slot free now, then sleeps until the next one frees (one timer at most). */
  #drain(): void {
    this.#stopTimer();
    for (const waiter of this.#waiters) {
      const { free, waitMs } = this.room();
      if (!free) {
        this.#timer = setTimeout(() => this.#drain(), waitMs);
        return;
      }
      this.record(1);
      this.#waiters.delete(waiter);
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve();
    }
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

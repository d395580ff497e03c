// One Redis connection shared by every limiter built from the store: runs the scripts with a
// timeout of its own, and says whether Redis is worth asking right now.
import type { Redis, RedisOptions } from "ioredis";
import { monotonicNow } from "../core/clock.js";
import type { RateLimiter, RateLimitStore, SharedLimitSpec } from "../core/rate-limit.js";
import { ACQUIRE, limitKeys, PAUSE } from "./scripts.js";
import { SharedRateLimiter } from "./shared-rate-limit.js";

export interface RedisRateLimitStoreOptions {
  /** `redis://[user:password@]host:port[/db]`; the store opens and owns the connection. */
  url?: string;
  /** An ioredis client you already have; the store uses it and never closes it. */
  client?: Redis;
  /** Longest wait for Redis, per command and for the first connection. Default 1 000 ms. */
  timeoutMs?: number;
}

type Commands = {
  avcRateLimitAcquire(starts: string, pause: string, limit: number, windowMs: number, prefix: string, wanted: number): Promise<[number, number]>;
  avcRateLimitPause(pause: string, ms: number): Promise<number>;
};

/** After a failed command, Redis is left alone this long before it is asked again. */
const RETRY_AFTER_FAILURE_MS = 1_000;

export class RedisRateLimitStore implements RateLimitStore {
  readonly #client: Redis & Commands;
  readonly #owned: boolean;
  readonly #timeoutMs: number;
  readonly #firstConnection: Promise<void>;
  /** Monotonic (clock.ts): a wall-clock step never keeps Redis bypassed after it is back. */
  #quietUntil = 0;
  readonly #onReady = () => (this.#quietUntil = 0);
  /** Ends the wait for a first connection early, taking its listeners off the client. */
  #stopWaiting: (() => void) | undefined;
  #firstTimer: NodeJS.Timeout | undefined;

  constructor(RedisClass: typeof Redis, options: RedisRateLimitStoreOptions) {
    // Checked by createRedisRateLimitStore (store-options.ts).
    const { url, client, timeoutMs = 1_000 } = options;
    this.#timeoutMs = timeoutMs;
    this.#owned = !client;
    const settings: RedisOptions = {
      connectionName: "ai-vendor-contracts-rate-limit",
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 1,
      // Keep trying in the background, at most once a second, so the limit is shared again soon
      // after Redis returns.
      retryStrategy: (times) => Math.min(times * 100, 1_000),
    };
    this.#client = (client ?? new RedisClass(url!, settings)) as Redis & Commands;
    if (this.#owned) holdsNoEventLoop(this.#client);
    this.#client.on("ready", this.#onReady);
    this.#client.defineCommand("avcRateLimitAcquire", { numberOfKeys: 2, lua: ACQUIRE });
    this.#client.defineCommand("avcRateLimitPause", { numberOfKeys: 1, lua: PAUSE });
    if (this.#client.status === "wait") this.#client.connect().catch(() => {});
    // Listeners only while a first connection is under way: a ready client gets none to keep.
    this.#firstConnection = new Promise<void>((resolve) => {
      if (this.#client.status === "ready") return resolve();
      const done = () => {
        clearTimeout(timer);
        for (const event of ["ready", "error", "end"]) this.#client.off(event, done);
        this.#stopWaiting = undefined;
        resolve();
      };
      this.#stopWaiting = done;
      const timer = setTimeout(done, timeoutMs);
      // Holds the process only while a call waits on it (#run refs it).
      timer.unref();
      this.#firstTimer = timer;
      for (const event of ["ready", "error", "end"]) this.#client.once(event, done);
    });
  }

  limiter(spec: SharedLimitSpec): RateLimiter {
    return new SharedRateLimiter(this, spec);
  }

  /**
   * Records up to `wanted` starts (members `prefix:1`…), as many as are free: `granted`, and the ms
   * to wait before asking again if that was not all. Rejects when Redis cannot answer.
   */
  async acquire(namespace: string, limit: number, windowMs: number, prefix: string, wanted: number): Promise<{ granted: number; waitMs: number }> {
    const { starts, pause } = limitKeys(namespace);
    const [granted, waitMs] = await this.#run(() => this.#client.avcRateLimitAcquire(starts, pause, limit, Math.ceil(windowMs), prefix, wanted));
    return { granted, waitMs };
  }

  /** Gives back starts no caller used (their callers aborted while Redis was answering). */
  async release(namespace: string, members: string[]): Promise<void> {
    await this.#run(() => this.#client.zrem(limitKeys(namespace).starts, ...members));
  }

  /** Pauses every process sharing the namespace for `ms`. */
  async pause(namespace: string, ms: number): Promise<void> {
    await this.#run(() => this.#client.avcRateLimitPause(limitKeys(namespace).pause, Math.ceil(ms)));
  }

  /** Closes the connection the store opened (a client passed in stays open, with none of our listeners). Idempotent. */
  async close(): Promise<void> {
    this.#client.off("ready", this.#onReady);
    this.#stopWaiting?.();
    if (!this.#owned || this.#client.status === "end") return;
    try {
      await this.#run(() => this.#client.quit());
    } catch {
      // Unreachable or slow: drop the socket instead of waiting for a goodbye.
    } finally {
      this.#client.disconnect();
    }
  }

  async #run<T>(command: () => Promise<T>): Promise<T> {
    if (this.#client.status !== "ready") {
      // A call waits here: the sockets are unref'd, so the wait's own timer keeps the process up.
      this.#firstTimer?.ref();
      await this.#firstConnection;
    }
    const status = this.#client.status;
    if (status !== "ready" || monotonicNow() < this.#quietUntil) {
      throw new Error(status === "end" ? "the store was closed" : `Redis is not connected (${status})`);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      return await Promise.race([command(), timeout]);
    } catch (error) {
      this.#quietUntil = monotonicNow() + RETRY_AFTER_FAILURE_MS;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * A connection the store owns never keeps the process alive by itself: its socket and its
 * reconnect timer are unref'd (ioredis sets both anew on each (re)connect), so a script that is
 * done exits without close(). A call waiting on Redis is held by its own command timeout instead.
 */
function holdsNoEventLoop(client: Redis): void {
  const unref = () => {
    client.stream?.unref?.();
    (client as unknown as { reconnectTimeout?: NodeJS.Timeout | null }).reconnectTimeout?.unref?.();
  };
  // Errors are reported by the limiters (once per outage); without a listener ioredis prints each.
  client.on("error", () => {});
  for (const event of ["connecting", "connect", "ready", "reconnecting", "close"]) client.on(event, unref);
}

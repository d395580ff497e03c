// `ai-vendor-contracts/redis`: a rate limit shared by every process that uses one API key, kept
// in Redis. Needs the optional peer dependency ioredis; the root and vendor entries never load it.
// ioredis is imported statically, not with `await import()`: an entry with top-level await cannot
// be loaded by require(). Without ioredis, Node fails the import with "Cannot find package 'ioredis'".
import { Redis } from "ioredis";
import type { RateLimitStore } from "../core/rate-limit.js";
import { RedisRateLimitStore, type RedisRateLimitStoreOptions } from "./store.js";
import { checkStoreOptions } from "./store-options.js";

export interface RedisRateLimitStoreHandle extends RateLimitStore {
  /** Closes the connection the store opened; a client you passed in stays yours to close. */
  close(): Promise<void>;
}

/** Pass the result as `rateLimit: { requests, windowMs?, store }` to any vendor client. */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RedisRateLimitStoreHandle {
  checkStoreOptions(options);
  return new RedisRateLimitStore(Redis, options);
}

export { RateLimitStoreError } from "./store-error.js";
export type { RedisRateLimitStoreOptions } from "./store.js";

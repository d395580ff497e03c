// `ai-vendor-contracts/redis`: a rate limit shared by every process that uses one API key, kept
// in Redis. Needs the optional peer dependency ioredis; the root and vendor entries never load it.
import type { RateLimitStore } from "../core/rate-limit.js";
import { RedisRateLimitStore, type RedisRateLimitStoreOptions } from "./store.js";
import { checkStoreOptions } from "./store-options.js";

const ioredis = await import("ioredis").catch((error: unknown) => {
  throw new Error(
    "ai-vendor-contracts/redis needs the Redis client ioredis, which is not installed. Add it next to this package: npm install ioredis",
    { cause: error },
  );
});

export interface RedisRateLimitStoreHandle extends RateLimitStore {
  /** Closes the connection the store opened; a client you passed in stays yours to close. */
  close(): Promise<void>;
}

/** Pass the result as `rateLimit: { requests, windowMs?, store }` to any vendor client. */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RedisRateLimitStoreHandle {
  checkStoreOptions(options);
  return new RedisRateLimitStore(ioredis.Redis, options);
}

export { RateLimitStoreError } from "./store-error.js";
export type { RedisRateLimitStoreOptions } from "./store.js";

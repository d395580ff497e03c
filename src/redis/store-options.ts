// The options of createRedisRateLimitStore, checked before anything connects: each mistake is a
// ConfigurationError naming the option, what is wrong and what is accepted — never the URL
// itself, whose user-info may hold the Redis password.
import { ConfigurationError } from "../core/errors.js";
import { describeValue } from "../core/option-checks.js";
import { MAX_TIMER_MS } from "../core/timeout.js";

/** Errors about the store belong to no vendor; `vendor` names the entry point instead. */
const CONTEXT = { vendor: "ai-vendor-contracts/redis" };
const URL_FORM = "redis://[user:password@]host:port[/db] (rediss:// for TLS)";

const refuse = (what: string) => new ConfigurationError(`createRedisRateLimitStore: ${what}.`, CONTEXT);

export function checkStoreOptions(options: unknown): void {
  if (options === null || typeof options !== "object") throw refuse(`needs { url } or { client }, got ${describeValue(options)}`);
  const { url, client, timeoutMs } = options as Record<string, unknown>;
  if ((url === undefined) === (client === undefined)) {
    throw refuse(`needs exactly one of { url } (${URL_FORM}) or { client } (an ioredis client), got ${url === undefined ? "neither" : "both"}`);
  }
  if (url !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(url as string).protocol;
    } catch {
      throw refuse(`url is not a URL; give ${URL_FORM}`);
    }
    if (typeof url !== "string" || (protocol !== "redis:" && protocol !== "rediss:")) throw refuse(`url must be ${URL_FORM}, got a ${protocol}// URL`);
  }
  if (client !== undefined && typeof (client as { defineCommand?: unknown } | null)?.defineCommand !== "function") {
    throw refuse(`client must be an ioredis client (new Redis(…)), got ${describeValue(client)}`);
  }
  if (timeoutMs !== undefined && (typeof timeoutMs !== "number" || !(timeoutMs >= 1 && timeoutMs <= MAX_TIMER_MS))) {
    throw refuse(`timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${describeValue(timeoutMs)}`);
  }
}

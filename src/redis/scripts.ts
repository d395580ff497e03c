// The atomic steps of the shared limit, each one Lua script run inside Redis, so no two
// processes can read the same free slot. Times come from the Redis server's clock (TIME), so the
// processes' own clocks never have to agree.

/** Keys (one hash slot, so Redis Cluster runs the scripts too) for one vendor and key fingerprint. */
export function limitKeys(namespace: string): { starts: string; pause: string } {
  const base = `ai-vendor-contracts:rate-limit:{${namespace}}`;
  return { starts: `${base}:starts`, pause: `${base}:pause` };
}

/**
 * KEYS: starts (sorted set of request starts scored by ms), pause (ms until which the server said
 * wait). ARGV: limit, window ms, a unique member prefix, how many starts are wanted. Records as
 * many as are free (members prefix:1…prefix:n) and returns { n, wait }: wait is 0 when all were
 * granted, else the ms until the oldest start leaves the window (or the pause ends), the exact
 * time to wait. One call serves a whole queue, so a burst costs one round trip, not one each.
 */
export const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return { 0, paused - now } end
local limit, window, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = math.min(wanted, limit - redis.call('ZCARD', KEYS[1]))
for i = 1, n do redis.call('ZADD', KEYS[1], now, ARGV[3] .. ':' .. i) end
if n > 0 then redis.call('PEXPIRE', KEYS[1], window) end
if n >= wanted then return { n, 0 } end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { math.max(n, 0), math.max(1, tonumber(oldest[2]) + window - now) }
`;

/** KEYS: pause. ARGV: ms to pause from now. Only ever lengthens a pause already set. */
export const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
if now + ms > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], now + ms, 'PX', ms)
end
return 0
`;

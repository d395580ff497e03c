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
 * wait). ARGV: limit, window ms, a unique member. Returns 0 once the start is recorded, else the
 * ms until the oldest start leaves the window (or the pause ends): the exact time to wait.
 */
export const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
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

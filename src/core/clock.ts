// Local time for waits that must not move when the wall clock does: limiter windows, the Redis
// store's back-off. performance.now() is monotonic, so an NTP step, a VM resume or a test's fake
// Date never lengthens or shortens a wait. Time shared between processes comes from Redis (TIME).
export const monotonicNow = (): number => performance.now();

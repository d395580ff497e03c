// The wall clock is an input the limiter must ignore: windows run on a monotonic clock, so a step
// of `Date` (NTP, a VM resume, a test's fake Date) neither holds a call for the size of the step
// nor empties a window early. On a fake clock: timers and performance.now() move only when the
// test advances them; vi.setSystemTime moves `Date` alone.
// Replay a failing property run with the seed it prints: CLOCK_SEED=<seed> npx vitest run test/core/clock-steps.test.ts
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { effectiveWindowMs } from "../../src/core/local-rate-limit.js";
import { propertySeed } from "../helpers.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const TEN_MINUTES = 10 * 60_000;

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] }));
afterEach(() => vi.useRealTimers());

/** A client whose every request start is recorded on the monotonic clock. */
function limited(requests: number, windowMs: number) {
  const starts: number[] = [];
  const fetch = async () => (starts.push(performance.now()), Response.json({ ok: true }));
  const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, validate: "off", maxRetries: 0, rateLimit: { requests, windowMs } });
  return { client, starts };
}

const stepWallClock = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe("the limiter under a wall clock that steps", () => {
  it.each([
    ["back, which holds the next call one window, not 10 minutes", -TEN_MINUTES],
    ["forward, which does not empty the window early", TEN_MINUTES],
  ])("a step %s", async (_name, step) => {
    const { client, starts } = limited(1, 1_000); // 1 100 ms with the slack
    await client.GET("/things");
    const before = performance.now();
    stepWallClock(step);
    expect(performance.now()).toBe(before); // the step moved Date only
    const next = client.GET("/things");
    await vi.advanceTimersByTimeAsync(1_099);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toHaveLength(2);
    await next;
  });

  it("a pause the server asked for (X-RateLimit-Reset in 1 s) lasts 1 s when the clock steps back after it", async () => {
    vi.setSystemTime(1_700_000_000_000); // a whole second, so "reset in 1 s" is exactly 1 000 ms
    const reset = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Date.now() / 1000 + 1) };
    const starts: number[] = [];
    const fetch = async () => (starts.push(performance.now()), Response.json({ ok: true }, { headers: starts.length === 1 ? reset : {} }));
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, validate: "off", rateLimit: { requests: 100, windowMs: 60_000 } });
    await client.GET("/things");
    stepWallClock(-TEN_MINUTES);
    const next = client.GET("/things");
    await vi.advanceTimersByTimeAsync(999);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toHaveLength(2);
    await next;
  });
});

// ---------------------------------------------------------------------------------------------
// The property: calls arrive at random moments, some with a deadline (an abort), and the wall
// clock steps back and forward by up to an hour at random moments in between.

interface Arrival {
  gapMs: number;
  /** The caller aborts this long after the call was made, if set. */
  deadlineMs: number | null;
}
interface Run {
  requests: number;
  windowMs: number;
  arrivals: Arrival[];
  steps: { atMs: number; byMs: number }[];
}

const run: fc.Arbitrary<Run> = fc
  .record({ requests: fc.integer({ min: 1, max: 5 }), windowMs: fc.integer({ min: 50, max: 5_000 }) })
  .chain(({ requests, windowMs }) =>
    fc.record({
      requests: fc.constant(requests),
      windowMs: fc.constant(windowMs),
      arrivals: fc.array(
        fc.record({
          gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * windowMs })),
          deadlineMs: fc.option(fc.integer({ min: 1, max: 3 * windowMs }), { nil: null }),
        }),
        { minLength: 1, maxLength: 25 },
      ),
      steps: fc.array(
        fc.record({
          atMs: fc.integer({ min: 0, max: 10 * windowMs }),
          byMs: fc.oneof(fc.integer({ min: -3_600_000, max: -1 }), fc.integer({ min: 1, max: 3_600_000 })),
        }),
        { maxLength: 6 },
      ),
    }),
  );

interface Outcome {
  arrival: number;
  /** Calls that arrived earlier and were still waiting (neither started nor aborted) at this one's arrival. */
  ahead: number;
  start?: number;
  settled?: number;
  aborted?: boolean;
}

async function play({ requests, windowMs, arrivals, steps }: Run): Promise<{ outcomes: Outcome[]; starts: number[] }> {
  const { client, starts } = limited(requests, windowMs);
  const outcomes: Outcome[] = [];
  for (const { atMs, byMs } of steps) setTimeout(() => stepWallClock(byMs), atMs);
  const calls: Promise<void>[] = [];
  let at = 0;
  for (const { gapMs, deadlineMs } of arrivals) {
    at += gapMs;
    setTimeout(() => {
      const outcome: Outcome = { arrival: performance.now(), ahead: outcomes.filter((o) => o.start === undefined && !o.aborted).length };
      outcomes.push(outcome);
      const controller = new AbortController();
      if (deadlineMs !== null) setTimeout(() => controller.abort(new Error("deadline")), deadlineMs);
      const call = client.GET("/things", { signal: controller.signal });
      calls.push(
        call.then(
          () => void Object.assign(outcome, { settled: performance.now() }),
          () => void Object.assign(outcome, { settled: performance.now(), aborted: true }),
        ),
      );
    }, at);
  }
  // Long enough for every call to be served: each window serves `requests` of them.
  const windows = Math.ceil(arrivals.length / requests) + 1;
  await vi.advanceTimersByTimeAsync(at + windows * effectiveWindowMs({ requests, windowMs }) + 10);
  // Not awaited when some are still waiting: that is the failure, reported by the caller.
  if (outcomes.every((o) => o.settled !== undefined)) await Promise.all(calls);
  // Callers are served in order, so the i-th start belongs to the i-th call that was not aborted.
  const served = outcomes.filter((o) => !o.aborted);
  served.forEach((o, i) => (o.start = starts[i]));
  return { outcomes, starts };
}

describe("property: wall-clock steps at random moments of a limited run", () => {
  const seed = propertySeed("CLOCK_SEED");
  it(`no window sees more than \`requests\` starts, and no call waits past its window share or its deadline (seed ${seed})`, async () => {
    try {
      await fc.assert(
        fc.asyncProperty(run, async (r) => {
          vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
          const { outcomes, starts } = await play(r);
          const windowEff = effectiveWindowMs(r);
          // Every call settled: started or aborted at its deadline.
          expect(outcomes).toHaveLength(r.arrivals.length);
          expect(outcomes.filter((o) => o.settled === undefined), "calls still waiting after their share of windows").toEqual([]);
          expect(starts).toHaveLength(outcomes.filter((o) => !o.aborted).length);
          // No rolling window of the nominal length holds more than `requests` starts.
          for (const t of starts) expect(starts.filter((u) => u >= t && u < t + r.windowMs).length).toBeLessThanOrEqual(r.requests);
          outcomes.forEach((o, i) => {
            const { deadlineMs } = r.arrivals[i]!;
            // A call with a deadline has settled by it; an aborted one at it (fake timers keep whole
            // milliseconds, the monotonic clock does not: 2 ms of rounding either way).
            if (deadlineMs !== null) expect(o.settled! - o.arrival).toBeLessThanOrEqual(deadlineMs + 2);
            if (o.aborted) expect(Math.abs(o.settled! - o.arrival - deadlineMs!)).toBeLessThanOrEqual(2);
            // A call behind `ahead` others waits at most one window per `requests` of them.
            if (!o.aborted) expect(o.start! - o.arrival).toBeLessThanOrEqual(windowEff * Math.ceil((o.ahead + 1) / r.requests) + 2);
          });
          vi.useRealTimers();
        }),
        { seed, numRuns: 60, endOnFailure: true },
      );
    } catch (error) {
      const cause = (error as Error).cause as Error | undefined;
      throw new Error(`Clock-step property failed; replay with CLOCK_SEED=${seed}\n${(error as Error).message}\n${cause?.message ?? ""}`);
    }
  }, 60_000);
});

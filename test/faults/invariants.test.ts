// The randomized fault suite (issue 13.6): every promise of the client holds whatever the server
// or the transport does. Each property run draws a batch of scenarios (see scenario.ts) that run
// side by side, so the retry waits of one overlap the others' and 300 scenarios fit in seconds.
// Replay a failure with the seed it prints: FAULT_SEED=<seed> npx vitest run test/faults
import fc from "fast-check";
import { afterAll, beforeAll, it } from "vitest";
import { runScenario, startRouter, trackCoreTimers, type Router } from "./harness.js";
import { scenario } from "./scenario.js";

const SEED = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
const SCENARIOS = Number(process.env.FAULT_SCENARIOS ?? 300);
const BATCH = 50;

let vendorServer: Router;
let otherServer: Router;
let timers: ReturnType<typeof trackCoreTimers>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  vendorServer = await startRouter();
  otherServer = await startRouter();
  timers = trackCoreTimers();
  process.on("unhandledRejection", onUnhandled);
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  timers?.restore();
  await Promise.all([vendorServer?.close(), otherServer?.close()]);
});

/** Lets pending rejections be reported and settled timers fire before anything is counted. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

it(`${SCENARIOS} randomized scenarios: settle in time, bounded attempts, typed outcomes, no key, nothing left behind (seed ${SEED})`, async () => {
  const context = { vendorServer, otherServer, marginMs: 3_000, abortMarginMs: 1_000 };
  let reported: string[] = [];
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(scenario, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const results = await Promise.all(batch.map((s) => runScenario(s, context)));
        await settle();
        const failures = results.flatMap((broken, i) => (broken.length ? [`${broken.join("; ")}\n  in ${JSON.stringify(batch[i])}`] : []));
        if (unhandled.length) failures.push(`unhandled rejection(s): ${unhandled.splice(0).map(String).join(" | ")}`);
        const left = timers.pending();
        if (left.length) failures.push(`${left.length} timer(s) armed by the package still pending after every call settled: ${[...new Set(left)].join(" | ")}`);
        if (failures.length) {
          reported = failures;
          return false;
        }
        return true;
      }),
      // No shrinking: a failing batch names its failing scenarios itself, and re-running batches is slow.
      { seed: SEED, numRuns: Math.ceil(SCENARIOS / BATCH), endOnFailure: true },
    );
  } catch (error) {
    // The broken invariants with their scenarios first; fast-check's report (the whole batch) after.
    throw new Error(`Fault suite failed; replay with FAULT_SEED=${SEED}\n${reported.join("\n")}\n\n${(error as Error).message}`);
  }
}, 60_000);

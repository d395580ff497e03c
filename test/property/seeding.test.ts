// Why the property suite seeds Prism its own way (support.ts startSeededMock): Prism's `--seed`
// (startMock's `seed` option) re-seeds json-schema-faker before every response, so an operation
// answers the same body every time, whereas a random source seeded once per process gives
// different bodies per request that still repeat exactly from one Prism process to the next.
import { afterAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/testing/start-mock.js";
import { collectSamples, startSeededMock } from "./support.js";

const KEY = `ayliea_pk_${"0123456789abcdef".repeat(4)}`;
const request = (mock: RunningMock) => ({ url: `${mock.url}/scores`, init: { headers: { "X-API-Key": KEY } } });

describe("seeding Prism's dynamic mode", () => {
  const started: RunningMock[] = [];
  afterAll(() => Promise.all(started.map((m) => m.stop())));

  it("startMock({ dynamic: true, seed }) answers every request with the same body", async () => {
    const mock = await startMock("ayliea", { dynamic: true, seed: 7 });
    started.push(mock);
    const bodies = (await collectSamples(request(mock), 10, 2)).map((s) => s.text);
    expect(new Set(bodies).size).toBe(1);
  }, 60_000);

  it("startSeededMock varies the bodies and repeats them exactly for the same seed", async () => {
    const [a, b, c] = await Promise.all([startSeededMock("ayliea", "same"), startSeededMock("ayliea", "same"), startSeededMock("ayliea", "other")]);
    started.push(a!, b!, c!);
    const [fromA, fromB, fromC] = await Promise.all([a!, b!, c!].map(async (m) => (await collectSamples(request(m), 30)).map((s) => s.text)));
    expect(new Set(fromA).size).toBeGreaterThan(20);
    expect(fromB).toEqual(fromA);
    expect(fromC).not.toEqual(fromA);
  }, 60_000);
});

// The property-based contract suite one vendor's test file runs: Prism's dynamic mode (seeded)
// answers every JSON operation SAMPLES times; each answer must pass the generated zod schema, and
// every mutant of an answer (a required property dropped, a field given a type its schema
// forbids) must be refused by it. The spec itself, through a draft-07 validator, is the referee:
// a sample zod refuses is a false rejection only if the spec accepts it, and a mutant counts only
// if the spec refuses it. The client's precompiled check (its fast path, which loads no zod) must
// give zod's own verdict on every sample and every mutant.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VendorDescription } from "../../src/core/vendor.js";
import type { RunningMock } from "../../src/testing/start-mock.js";
import { until } from "../helpers.js";
import {
  callbackBodyFields,
  collectSamples,
  concreteRequest,
  jsonOperations,
  jsonType,
  loadContract,
  mutate,
  mutationSites,
  SAMPLES,
  showPath,
  startCallbackReceiver,
  startSeededMock,
  type OperationUnderTest,
  type Sample,
  type Site,
  type VendorContract,
} from "./support.js";

/** fast-check's seed: which instance of a repeated site is mutated, and the combined mutants. */
const FC_SEED = 42;
/** Combined mutants per operation. */
const COMBINED_RUNS = 100;

export interface SuiteOptions {
  /** Seed of Prism's random source: same seed, same responses. */
  seed: string;
  /** A key of the vendor's published form (Prism only checks presence; the form is checked here). */
  apiKey: string;
  /**
   * Operations that are not JSON (responseKind "binary"/"none"), each with the reason: they have
   * no zod response schema, so there is nothing to test here. Listed so none is skipped silently.
   */
  notJson?: Record<string, string>;
}

/** Where a mutation lands, ignoring array positions: `.data.items[*].id`. */
const siteClass = (site: Site) => `${site.kind} ${showPath(site.path.map((s) => (typeof s === "number" ? "*" : s)))}`;

const overlaps = (a: Site, b: Site) => {
  const n = Math.min(a.path.length, b.path.length);
  return a.path.slice(0, n).every((segment, i) => segment === b.path[i]);
};

const firstIssue = (o: OperationUnderTest, value: unknown) => {
  const result = o.zod.safeParse(value);
  return result.success ? "accepted" : JSON.stringify(result.error.issues[0]).slice(0, 300);
};

export function propertySuite(vendor: VendorDescription, options: SuiteOptions) {
  describe(`${vendor.displayName}: ${SAMPLES} dynamic Prism responses per operation vs the generated zod schemas`, () => {
    let contract: VendorContract;
    let operations: OperationUnderTest[] = [];
    let mock: RunningMock | undefined;
    let receiver: Awaited<ReturnType<typeof startCallbackReceiver>> | undefined;
    const samples = new Map<string, Sample[]>();
    const values = new Map<string, unknown[]>();
    const counts = new Map<string, { drops: number; types: number; combined: number }>();

    beforeAll(async () => {
      contract = await loadContract(vendor);
      operations = jsonOperations(contract);
      receiver = await startCallbackReceiver();
      mock = await startSeededMock(vendor.name, options.seed);
      // All requests first, back to back: checking takes seconds, and Prism drops idle keep-alive
      // sockets meanwhile. One operation at a time, so the seeded stream gives each the same draws.
      for (const o of operations) {
        const request = concreteRequest(contract, o, mock.url, options.apiKey, receiver.url);
        const got = await collectSamples(request);
        samples.set(o.key, got);
        values.set(o.key, got.map((s) => (s.contentType.includes("json") ? JSON.parse(s.text) : undefined)));
      }
    }, 240_000);

    afterAll(async () => {
      await mock?.stop();
      await receiver?.close();
      const total = [...counts.values()].reduce((t, c) => ({ drops: t.drops + c.drops, types: t.types + c.types, combined: t.combined + c.combined }), { drops: 0, types: 0, combined: 0 });
      // Same seed, same digest: the responses repeat from run to run.
      const digest = createHash("sha256");
      for (const got of samples.values()) for (const s of got) digest.update(s.text).update("\n");
      console.log(
        `${vendor.name}: ${operations.length} JSON operations × ${SAMPLES} responses (sha256 ${digest.digest("hex").slice(0, 12)}); ` +
          `mutants rejected: ${total.drops} dropped-required, ${total.types} wrong-type, ${total.combined} combined`,
      );
    });

    it("the test key has the vendor's published form", () => {
      expect(vendor.apiKey.isWellFormed(options.apiKey)).toBe(true);
    });

    it("covers every operation: the JSON ones here, the others named with a reason", () => {
      const all = Object.entries(vendor.operations);
      expect(operations.map((o) => o.key)).toEqual(all.filter(([, info]) => info.responseKind === "json").map(([key]) => key));
      expect(Object.keys(options.notJson ?? {}).sort()).toEqual(
        all.filter(([, info]) => info.responseKind !== "json").map(([key]) => key).sort(),
      );
    });

    it("Prism's callbacks went only to the test's loopback receiver", async () => {
      const expected = operations.filter((o) => callbackBodyFields(o).length).length * SAMPLES;
      // Prism fires each callback after its response: wait for them all, bounded by this test's timeout.
      await until(() => receiver!.deliveries.length >= expected);
      expect(receiver!.deliveries).toHaveLength(expected);
    }, 120_000);

    // The operation list is known before any hook runs: it comes from the generated table.
    for (const [key] of Object.entries(vendor.operations).filter(([, i]) => i.responseKind === "json")) {
      describe(key, () => {
        const op = () => operations.find((o) => o.key === key)!;

        it(`${SAMPLES} responses: all 2xx JSON, all valid per the spec, none rejected by zod, the precompiled check agreeing`, () => {
          const got = samples.get(key)!;
          expect(got).toHaveLength(SAMPLES);
          const o = op();
          const statuses = new Set(got.map((s) => s.status));
          for (const status of statuses) {
            expect(o.successStatuses.some((code) => code === String(status) || (code === "2XX" && status >= 200 && status < 300))).toBe(true);
          }
          expect(got.filter((s) => !s.contentType.startsWith("application/json"))).toEqual([]);
          // The samples really vary (Prism's own --seed would answer the same body every time).
          expect(new Set(got.map((s) => s.text)).size).toBeGreaterThan(SAMPLES / 2);

          const falseRejections: string[] = [];
          const invalidPerSpec: string[] = [];
          const disagreements: string[] = [];
          for (const value of values.get(key)!) {
            const zodOk = o.zod.safeParse(value).success;
            // The client's fast path must give zod's verdict (src/core/load-validators.ts).
            if (o.precompiled(value) !== zodOk) disagreements.push(`${zodOk ? "refused" : "accepted"} what zod ${zodOk ? "accepts" : "refuses"}: ${firstIssue(o, value)}`);
            const specOk = o.oracle(value);
            // json-schema-faker may in principle produce what the spec forbids; no such sample
            // occurs at these seeds, and any that did would be listed here, not waved through.
            if (!specOk) invalidPerSpec.push(JSON.stringify(o.oracle.errors?.[0]));
            else if (!zodOk) falseRejections.push(firstIssue(o, value));
          }
          expect(invalidPerSpec).toEqual([]);
          expect(falseRejections).toEqual([]);
          expect(disagreements).toEqual([]);
        });

        it("every mutant (a required property dropped, a field of a forbidden type) is rejected, by zod and the precompiled check", () => {
          const o = op();
          const all = values.get(key)!.map((value) => ({ value, sites: mutationSites(contract, value, o.schema, o.pointer) }));
          // Every site class (a location, array positions ignored) is mutated once per response;
          // which of its instances (which array item) is chosen by fast-check, seeded. The wrong
          // type rotates through every type the site's schema forbids, so each is used.
          let picks = fc.sample(fc.nat(), { seed: FC_SEED, numRuns: all.reduce((n, s) => n + s.sites.length, 0) || 1 });
          const rotation = new Map<string, number>();
          const notInvalid: string[] = [];
          const accepted: string[] = [];
          const disagreements: string[] = [];
          let drops = 0;
          let types = 0;
          for (const { value, sites } of all) {
            const classes = new Map<string, Site[]>();
            for (const site of sites) classes.set(siteClass(site), [...(classes.get(siteClass(site)) ?? []), site]);
            for (const [name, instances] of classes) {
              const site = instances[picks[0]! % instances.length]!;
              picks = picks.slice(1);
              let wrong;
              if (site.kind === "type") {
                const turn = rotation.get(name) ?? 0;
                rotation.set(name, turn + 1);
                wrong = site.wrong[turn % site.wrong.length]!;
                types++;
              } else drops++;
              const mutant = mutate(value, site, wrong);
              const label = `${site.kind === "drop" ? "drop" : `${JSON.stringify(wrong)} (${jsonType(wrong)}) for [${site.allowed}]`} at ${showPath(site.path)} (${site.at})`;
              const zodOk = o.zod.safeParse(mutant).success;
              if (o.oracle(mutant)) notInvalid.push(label);
              else if (zodOk) accepted.push(label);
              if (o.precompiled(mutant) !== zodOk) disagreements.push(label);
            }
          }
          // The walker must only make mutants the spec refuses …
          expect(notInvalid).toEqual([]);
          // … and zod must refuse every one of them.
          expect(accepted).toEqual([]);
          // … and the precompiled check gives zod's verdict on each.
          expect(disagreements).toEqual([]);
          expect(types).toBeGreaterThanOrEqual(SAMPLES); // at least the root of every response
          const requiredPresent = all.some(({ sites }) => sites.some((s) => s.kind === "drop"));
          if (requiredPresent) expect(drops).toBeGreaterThanOrEqual(SAMPLES);
          counts.set(key, { drops, types, combined: 0 });
        });

        it("combined mutants (2–4 disjoint sites of one response) are rejected (fast-check)", () => {
          const o = op();
          const vals = values.get(key)!;
          const sitesOf = vals.map((value) => mutationSites(contract, value, o.schema, o.pointer));
          fc.assert(
            fc.property(
              fc.nat({ max: vals.length - 1 }),
              fc.uniqueArray(fc.nat(), { minLength: 2, maxLength: 4 }),
              fc.nat(),
              (index, picks, wrongPick) => {
                const sites = sitesOf[index]!;
                const chosen: Site[] = [];
                for (const pick of picks) {
                  const site = sites[pick % sites.length]!;
                  if (!chosen.some((c) => overlaps(c, site))) chosen.push(site);
                }
                let mutant = vals[index];
                for (const site of chosen) {
                  mutant = mutate(mutant, site, site.kind === "type" ? site.wrong[wrongPick % site.wrong.length] : undefined);
                }
                expect(o.oracle(mutant)).toBe(false);
                expect(o.zod.safeParse(mutant).success).toBe(false);
                expect(o.precompiled(mutant)).toBe(false);
              },
            ),
            { seed: FC_SEED, numRuns: COMBINED_RUNS },
          );
          const entry = counts.get(key);
          if (entry) entry.combined = COMBINED_RUNS;
        });
      });
    }
  });
}

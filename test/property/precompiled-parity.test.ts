// The client's fast path (generated/<vendor>/precompiled.js) against zod, the validator of record,
// for every vendor: a precompiled check exists exactly where zod has a schema, and on each request
// part (path, query, body) it gives zod's verdict on the spec's example request and on every
// variant of it with one field removed or replaced by an edge value or a drawn JSON value
// (fast-check, seeded; PARITY_SEED replays a failure). Responses are compared on Prism's samples
// and their mutants by the property suite (suite.ts).
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { operationsOf, parametersOf, exampleValue, type BundledSpec } from "../../src/cli/spec-examples.js";
import type { OperationSchemas, PrecompiledTable, Schema } from "../../src/core/operation.js";
import type { VendorDescription } from "../../src/core/vendor.js";
import { specPath } from "../../src/testing/start-mock.js";
import { vendors } from "../../src/testing/msw/vendors.js";

const SEED = Number(process.env.PARITY_SEED ?? Date.now() % 2 ** 31);
const DRAWS_PER_FIELD = 25;

/** Values where validators tend to differ: integer bounds, -0, lengths in UTF-16 units, lenient formats. */
const EDGES: unknown[] = [
  undefined, null, true, 0, -0, 1, -1, 1.5, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, 101, 366,
  "", "x", "😀", "é".repeat(3), "00000000-0000-0000-0000-000000000000", "A0000000-0000-0000-0000-00000000000F",
  "urn:uuid:00000000-0000-0000-0000-000000000000", "2024-01-15T10:00:00Z", "2024-01-15t10:00:00z", "2024-01-15 10:00:00+01",
  "2024-02-29", "2023-02-29", "https://example.com/a", "example.com", "a@b.co", "not an email", "open", "OPEN",
  [], [1], ["x"], {}, { a: 1 },
];

const parts = ["path", "query", "body"] as const;

function exampleRequest(spec: BundledSpec, op: ReturnType<typeof operationsOf>[number]["op"]): Record<(typeof parts)[number], unknown> {
  const parameters = parametersOf(spec, op);
  const of = (place: string) => Object.fromEntries(parameters.filter((p) => p.in === place).map((p) => [p.name, exampleValue(p)]));
  const content = (op as { requestBody?: { content?: Record<string, { example?: unknown }> } }).requestBody?.content;
  return { path: of("path"), query: of("query"), body: content?.["application/json"]?.example };
}

/** The example, then each field of it removed, set to each edge value and to drawn JSON values. */
function variants(base: unknown, draws: unknown[]): unknown[] {
  const out = [base, ...EDGES];
  if (base && typeof base === "object" && !Array.isArray(base)) {
    for (const key of Object.keys(base)) {
      const { [key]: _removed, ...without } = base as Record<string, unknown>;
      out.push(without);
      for (const value of [...EDGES, ...draws]) out.push({ ...base, [key]: value });
    }
  }
  return out;
}

/** Every request part of every operation: where the precompiled check and zod disagree, and how many values were compared. */
function compare(spec: BundledSpec, zodTable: Record<string, OperationSchemas>, precompiledTable: PrecompiledTable, draws: unknown[]) {
  const disagreements: string[] = [];
  let compared = 0;
  for (const { key, op } of operationsOf(spec)) {
    const example = exampleRequest(spec, op);
    for (const part of parts) {
      const [schema, check] = [zodTable[key]![part] as Schema | undefined, precompiledTable[key]![part]];
      if (!schema || !check) continue;
      for (const value of variants(example[part], draws)) {
        compared++;
        const verdict = schema.safeParse(value).success;
        if (check(value) !== verdict) disagreements.push(`${key} ${part}: zod ${verdict ? "accepts" : "refuses"} ${JSON.stringify(value)?.slice(0, 200)}`);
      }
    }
  }
  return { disagreements, compared };
}

const load = async (vendor: VendorDescription) => ({
  spec: JSON.parse(readFileSync(specPath(vendor.name), "utf8")) as BundledSpec,
  zodTable: await vendor.loadValidators(),
  precompiledTable: await vendor.loadPrecompiled!(),
});

describe(`precompiled checks give zod's verdict on request parts (PARITY_SEED=${SEED})`, () => {
  const draws = fc.sample(fc.jsonValue(), { seed: SEED, numRuns: DRAWS_PER_FIELD });
  for (const vendor of Object.values(vendors)) {
    it(`${vendor.displayName}: a check exactly where zod has a schema, and the same verdicts`, async () => {
      const { spec, zodTable, precompiledTable } = await load(vendor);
      expect(Object.keys(precompiledTable).sort()).toEqual(Object.keys(zodTable).sort());
      for (const [key, zod] of Object.entries(zodTable)) {
        for (const part of [...parts, "response"] as (keyof OperationSchemas)[]) {
          expect([key, part, precompiledTable[key]![part] !== undefined]).toEqual([key, part, zod[part] !== undefined]);
        }
      }
      const { disagreements, compared } = compare(spec, zodTable, precompiledTable, draws);
      expect(disagreements).toEqual([]);
      expect(compared).toBeGreaterThan(100);
    });
  }

  it("catches a fast path that misses one of zod's rules (here: z.int()'s safe-integer bound)", async () => {
    const { spec, zodTable, precompiledTable } = await load(vendors.aiclicks);
    // A check that judges every unsafe integer as if it were 1: what Ajv does without the bound.
    const unbounded = (value: unknown): unknown =>
      typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)
        ? 1
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unbounded(v)]))
          : value;
    const broken: PrecompiledTable = Object.fromEntries(
      Object.entries(precompiledTable).map(([key, checks]) => [
        key,
        Object.fromEntries(Object.entries(checks).map(([part, check]) => [part, check && ((value: unknown) => check(unbounded(value)))])),
      ]),
    ) as PrecompiledTable;
    const { disagreements } = compare(spec, zodTable, broken, draws);
    expect(disagreements).toContainEqual(expect.stringMatching(/query: zod refuses .*9007199254740992/));
  });
});

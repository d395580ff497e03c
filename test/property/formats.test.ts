// zod and the spec agree on every string format the specs use: the generated schemas check each
// format with src/core/formats.ts, and for generated strings (valid ones and near-valid mutants)
// that check says exactly what the spec's JSON Schema says as Prism validates it (Ajv with
// ajv-formats, and Prism's own date-time). Replay a failure with the seed it prints:
// FORMAT_SEED=<seed> npx vitest run test/property/formats.test.ts
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import * as formats from "../../src/core/formats.js";
import { FORMAT_CHECKS } from "../../scripts/zod.js";

const SEED = process.env.FORMAT_SEED ? Number(process.env.FORMAT_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = 2_000;

// The oracle is Prism's validator: Ajv's default class with ajv-formats, date-time replaced by Prism's.
const require = createRequire(import.meta.url);
const prismDateTime = require("@stoplight/prism-http/dist/validator/validators/dateTime.js") as {
  fmtDef: (validate: unknown, compare: unknown) => object;
  date_time: (text: string) => boolean;
  compareDateTime: unknown;
};
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
ajv.addFormat("date-time", prismDateTime.fmtDef(prismDateTime.date_time, prismDateTime.compareDateTime) as never);
const spec = (format: string) => ajv.compile({ type: "string", format });

/** The schema the generator writes for `format`, built the same way. */
const generated = (format: string) => z.stringFormat(format, (formats as Record<string, RegExp | ((t: string) => boolean)>)[FORMAT_CHECKS[format]!]!);

const digits = (n: number, max = 10 ** n - 1) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"));
const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const hex = (n: number) => fc.string({ unit: pick(..."0123456789abcdefABCDEF"), minLength: n, maxLength: n });

const dateText = fc.tuple(digits(4), digits(2, 13), digits(2, 32)).map(([y, m, d]) => `${y}-${m}-${d}`);
const zone = fc.oneof(pick("Z", "z"), fc.tuple(pick("+", "-"), digits(2, 25), pick(":", ""), digits(2, 60)).map(([s, h, c, m]) => `${s}${h}${c}${m}`), fc.tuple(pick("+", "-"), digits(2, 25)).map(([s, h]) => `${s}${h}`));
const dateTimeText = fc
  .tuple(dateText, pick("T", "t", " "), digits(2, 24), digits(2, 60), digits(2, 61), fc.option(digits(3)), zone)
  .map(([d, sep, h, m, s, frac, tz]) => `${d}${sep}${h}:${m}:${s}${frac === null ? "" : `.${frac}`}${tz}`);
const uuidText = fc.tuple(pick("", "urn:uuid:"), hex(8), hex(4), hex(4), hex(4), hex(12)).map(([p, ...g]) => `${p}${g.join("-")}`);
const word = (alphabet: string) => fc.string({ unit: pick(...alphabet), minLength: 1, maxLength: 8 });
const label = word("abcxyz019-");
const emailText = fc.tuple(word("abz09.+_%'~-"), fc.array(label, { minLength: 1, maxLength: 3 })).map(([local, labels]) => `${local}@${labels.join(".")}`);
const uriText = fc
  .tuple(pick("https", "http", "urn", "mailto", "x+y.z", "1http"), pick("://", ":", ":/", ""), fc.array(label, { minLength: 0, maxLength: 3 }), pick("", "/", "/a b", "/p?q=1#f", ":8080/x", "/%zz", "/%41"))
  .map(([scheme, sep, labels, rest]) => `${scheme}${sep}${labels.join(".")}${rest}`);

/** A near-valid mutant: one character deleted, inserted, replaced, or the case flipped. */
const mutant = (valid: fc.Arbitrary<string>, alphabet: string) =>
  fc.tuple(valid, fc.nat(), pick("delete", "insert", "replace", "case"), pick(...alphabet)).map(([text, at, how, char]) => {
    const i = text.length ? at % text.length : 0;
    if (how === "delete") return text.slice(0, i) + text.slice(i + 1);
    if (how === "insert") return text.slice(0, i) + char + text.slice(i);
    if (how === "replace") return text.slice(0, i) + char + text.slice(i + 1);
    return text.toUpperCase() === text ? text.toLowerCase() : text.toUpperCase();
  });

const cases: Record<string, { valid: fc.Arbitrary<string>; alphabet: string; known: string[] }> = {
  "date-time": {
    valid: dateTimeText,
    alphabet: "0123456789:-+.tTzZ \n",
    known: ["2024-01-15t10:00:00z", "2024-01-15T10:00:00Z", "2024-01-15T10:00:00.5+05:30", "2024-02-29 23:59:60+0530", "2024-01-15T10:00:00", "2023-02-29T10:00:00Z", "2024-01-15T10:00:60Z"],
  },
  date: { valid: dateText, alphabet: "0123456789-/ ", known: ["2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01"] },
  uuid: {
    valid: uuidText,
    alphabet: "0123456789abcdefgABCDEF-{}: ",
    known: ["8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3", "00000000-0000-0000-0000-000000000000", "urn:uuid:8F1D3C0A-2F9B-1C11-0B80-7A82E1F0C3F3", "{8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3}"],
  },
  email: { valid: emailText, alphabet: "a.@-_+ \"()[]", known: ["security@example.com", "a.b+c@x.io", "a@b", "a..b@x.io", "\"q\"@x.io"] },
  uri: { valid: uriText, alphabet: "a:/?#%[] .", known: ["https://example.com/logo.png", "urn:isbn:0451450523", "example.com", "https://x y", "mailto:a@b.co"] },
};

describe(`each string format: zod and the spec agree (seed ${SEED})`, () => {
  it("every format the bundled specs give a string is checked by the generated zod, with its check", () => {
    const used = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== "object") return;
      const { type, format } = node as { type?: unknown; format?: unknown };
      if (typeof format === "string" && (type === "string" || (Array.isArray(type) && type.includes("string")))) used.add(format);
      Object.values(node).forEach(walk);
    };
    const vendors = readdirSync(new URL("../../generated/", import.meta.url));
    for (const vendor of vendors) walk(JSON.parse(readFileSync(new URL(`../../generated/${vendor}/openapi.json`, import.meta.url), "utf8")));
    // binary and pdf are bodies read as bytes, never strings zod sees.
    const checked = [...used].filter((f) => f !== "binary" && f !== "pdf").sort();
    expect(checked).toEqual(Object.keys(cases).filter((f) => used.has(f)).sort());
    for (const format of checked) expect(Object.keys(FORMAT_CHECKS)).toContain(format);
    const sources = vendors.map((v) => readFileSync(new URL(`../../generated/${v}/zod-factories.ts`, import.meta.url), "utf8")).join("\n");
    for (const format of checked) expect(sources).toContain(`z.stringFormat('${format}', formats.${FORMAT_CHECKS[format]})`);
    // zod's own format checks, which disagree with the spec, are gone.
    expect(sources).not.toMatch(/z\.(iso\.datetime|iso\.date|uuid|guid|email|url)\(/);
  });

  for (const [format, { valid, alphabet, known }] of Object.entries(cases)) {
    const oracle = spec(format);
    const schema = generated(format);
    const agree = (text: string) => {
      const fromZod = schema.safeParse(text).success;
      if (fromZod !== oracle(text)) throw new Error(`${format} ${JSON.stringify(text)}: zod ${fromZod ? "accepts" : "refuses"}, the spec ${oracle(text) ? "accepts" : "refuses"}`);
    };

    it(`${format}: known values, then generated valid values and near-valid mutants`, () => {
      known.forEach(agree);
      const inputs = fc.oneof(valid, mutant(valid, alphabet), mutant(mutant(valid, alphabet), alphabet));
      const outcome = fc.check(fc.property(inputs, (text) => agree(text)), { seed: SEED, numRuns: RUNS });
      if (outcome.failed) throw new Error(`${fc.defaultReportMessage(outcome)}\nReplay: FORMAT_SEED=${SEED}`);
      // Both verdicts occur: the generators reach either side of the line.
      const sample = fc.sample(inputs, { seed: SEED, numRuns: 500 });
      expect(sample.some((t) => oracle(t))).toBe(true);
      expect(sample.some((t) => !oracle(t))).toBe(true);
    });
  }

  it("RFC 3339 lower-case t and z pass the generated schemas (AIclicks' generated_at)", async () => {
    const { zGetVisibilityTimeSeriesResponse } = await import("../../generated/aiclicks/zod.js");
    const body = { data: { items: [] }, domain_id: "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3", days: 7, generated_at: "2024-01-15t10:00:00z" };
    expect(zGetVisibilityTimeSeriesResponse.safeParse(body).success).toBe(true);
    expect(zGetVisibilityTimeSeriesResponse.safeParse({ ...body, generated_at: "2024-01-15T10:00:00" }).success).toBe(false);
  });
});

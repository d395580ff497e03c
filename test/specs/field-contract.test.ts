// The specs say exactly what the vendors document: every example validates, unknown fields pass,
// a documented field is required (so renaming it in an example is caught), and every optional
// response field is either a marked guess or listed in MAY_BE_ABSENT with its source.
import { describe, expect, it } from "vitest";
import {
  GUESS_PREFIX,
  VENDORS,
  declaringSchema,
  loadSpec,
  objectKeys,
  probeRenames,
  responseSchemas,
  specAjv,
  specExamples,
  specProperties,
  validatorAt,
  type Spec,
} from "./spec-fields.js";
import { MAY_BE_ABSENT, mayBeAbsent } from "./may-be-absent.js";

type Json = Parameters<typeof objectKeys>[0];

/** Every example's validation errors, "" when it validates. */
function invalidExamples(spec: Spec) {
  const ajv = specAjv(spec);
  return specExamples(spec)
    .map((e) => ({ where: e.where, errors: validatorAt(ajv, e.schemaPointer)(e.value) ? "" : ajv.errorsText(validatorAt(ajv, e.schemaPointer).errors) }))
    .filter((e) => e.errors);
}

/** Renames the spec does not catch, unless the spec says the field may be absent. */
function unexplainedRenames(vendor: string, spec: Spec) {
  const properties = new Map(specProperties(spec).map((p) => [p.pointer, p]));
  return probeRenames(vendor, spec)
    .filter((p) => !p.caught)
    .filter((p) => {
      const declared = p.declaredBy && properties.get(p.declaredBy);
      return !declared || !(declared.description.startsWith(GUESS_PREFIX) || mayBeAbsent(vendor, declared.pointer));
    })
    .map((p) => `${p.where}: ${p.field}`);
}

/** Optional response fields that are neither a marked guess nor listed as documented-but-may-be-absent. */
function unmarkedOptionals(vendor: string, spec: Spec) {
  const reachable = responseSchemas(spec);
  return specProperties(spec)
    .filter((p) => reachable.has(p.pointer.slice(0, p.pointer.lastIndexOf("/properties/"))))
    .filter((p) => !p.required && !p.description.startsWith(GUESS_PREFIX) && !mayBeAbsent(vendor, p.pointer))
    .map((p) => p.pointer);
}

/** Fields marked as guesses yet required: a guess never is. */
function requiredGuesses(spec: Spec) {
  return specProperties(spec)
    .filter((p) => p.required && p.description.startsWith(GUESS_PREFIX))
    .map((p) => p.pointer);
}

describe.each(VENDORS)("%s spec", (vendor) => {
  const spec = loadSpec(vendor);

  it("every example of every request and response body validates against its schema", () => {
    expect(specExamples(spec).length).toBeGreaterThan(0);
    expect(invalidExamples(spec)).toEqual([]);
  });

  it("answers with fields never seen still validate: an unknown field added to every object passes", () => {
    const ajv = specAjv(spec);
    for (const example of specExamples(spec).filter((e) => e.kind === "response")) {
      const value = structuredClone(example.value) as Json;
      const objects = [{ path: [] as (string | number)[] }, ...objectKeys(value).map((k) => ({ path: [...k.path, k.key] }))];
      for (const { path } of objects) {
        const target = path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, value);
        if (!target || typeof target !== "object" || Array.isArray(target)) continue;
        // A key of a map is typed by the map; only declared objects are promised to stay open.
        if (declaringSchema(spec, example.schemaPointer, path, "field_never_seen") !== undefined) continue;
        (target as Record<string, Json>).field_never_seen = { any: ["shape"] };
      }
      expect(validatorAt(ajv, example.schemaPointer)(value), example.where).toBe(true);
    }
  });

  it("renaming any field an example shows fails validation, unless the spec says the field may be absent", () => {
    expect(unexplainedRenames(vendor, spec)).toEqual([]);
  });

  it("every optional response field is a marked guess or listed as documented-but-may-be-absent; no guess is required", () => {
    expect(unmarkedOptionals(vendor, spec)).toEqual([]);
    expect(requiredGuesses(spec)).toEqual([]);
    const bare = specProperties(spec).filter((p) => p.description.startsWith(GUESS_PREFIX) && p.description.length < GUESS_PREFIX.length + 20);
    expect(bare.map((p) => p.pointer), "a guess says why it is guessed").toEqual([]);
  });

  it("the may-be-absent list is honest: each entry is declared, optional, not a guess, and shown by some example", () => {
    const properties = new Map(specProperties(spec).map((p) => [p.pointer, p]));
    const uncaught = new Set(probeRenames(vendor, spec).filter((p) => !p.caught).map((p) => p.declaredBy));
    for (const entry of MAY_BE_ABSENT.filter((e) => e.vendor === vendor)) {
      expect(entry.reason.length, `${String(entry.schema)}: give the reason and source`).toBeGreaterThan(20);
      for (const field of entry.fields) {
        const listed = [...properties.values()].filter((p) => p.name === field && mayBeAbsent(vendor, p.pointer) === entry);
        expect(listed.length, `${String(entry.schema)}.${field} is not declared`).toBeGreaterThan(0);
        for (const p of listed) {
          expect(p.required, `${p.pointer} is listed as may-be-absent but required`).toBe(false);
          expect(p.description.startsWith(GUESS_PREFIX), `${p.pointer} is listed as documented but marked as a guess`).toBe(false);
        }
        expect(listed.some((p) => uncaught.has(p.pointer)) || field === "meta", `${String(entry.schema)}.${field}: no example shows it`).toBe(true);
      }
    }
  });
});

// The checkers, watched catching the faults they exist for (a small spec with one object schema).
describe("the field checkers", () => {
  const miniSpec = (thing: Record<string, unknown>, example: unknown): Spec =>
    ({
      openapi: "3.1.0",
      paths: {
        "/things": {
          get: {
            responses: {
              "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" }, example } } },
            },
          },
        },
      },
      components: { schemas: { Thing: thing } },
    }) as unknown as Spec;
  const thing = (required: string[], idDescription = "Shown in the vendor's example.") => ({
    type: "object",
    required,
    properties: {
      id: { type: "string", description: idDescription },
      tags: { type: "array", items: { type: "object", required: ["name"], properties: { name: { type: "string", description: "Tag." } } } },
    },
  });
  const example = { id: "t_1", tags: [{ name: "a" }] };

  it("a rename of a required field is caught, at any depth", () => {
    const spec = miniSpec(thing(["id", "tags"]), example);
    expect(probeRenames("mini", spec).map((p) => [p.field, p.caught])).toEqual([
      ["id", true],
      ["tags", true],
      ["tags[].name", true],
    ]);
    expect(unexplainedRenames("mini", spec)).toEqual([]);
  });

  it("a rename of a documented field left optional is reported (as on the specs before issue 21)", () => {
    const spec = miniSpec(thing(["tags"]), example);
    expect(unexplainedRenames("mini", spec)).toEqual(["GET /things 200 application/json example: id"]);
    expect(unmarkedOptionals("mini", spec)).toEqual(["/components/schemas/Thing/properties/id"]);
  });

  it("a marked guess may be renamed, but must not be required", () => {
    const guessed = miniSpec(thing(["tags"], `${GUESS_PREFIX} an id is likely.`), example);
    expect(unexplainedRenames("mini", guessed)).toEqual([]);
    expect(unmarkedOptionals("mini", guessed)).toEqual([]);
    expect(requiredGuesses(miniSpec(thing(["id", "tags"], `${GUESS_PREFIX} an id is likely.`), example))).toEqual([
      "/components/schemas/Thing/properties/id",
    ]);
  });

  it("an example that breaks its schema is reported", () => {
    expect(invalidExamples(miniSpec(thing(["id", "tags"]), { id: 7, tags: [] }))).toEqual([
      { where: "GET /things 200 application/json example", errors: "data/id must be string" },
    ]);
  });
});

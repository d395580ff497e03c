// Walks two versions of one schema side by side (fields, array items, map values, oneOf/anyOf
// variants; allOf merged first) and runs the value and field rules at every level.
import { isObject, type Emit, type Rule, type Schema } from "./rule.js";
import { compareFields, FIELD_RULES } from "./schema-fields.js";
import { compareConstraints, compareDescriptions, compareEnums, compareTypes, VALUE_RULES, type Direction } from "./schema-values.js";

export const VARIANT_RULES = {
  "request-variant-removed": { breaking: true, reason: "a shape the consumer may send today is no longer part of the union" },
  "request-variant-added": { breaking: false, reason: "another shape may be sent; the ones sent today stay valid" },
  "response-variant-added": { breaking: true, reason: "the response union gains a shape that code narrowing it today does not handle" },
  "response-variant-removed": { breaking: false, reason: "a shape the consumer handles no longer comes, which costs nothing" },
} satisfies Record<string, Rule>;

export const SCHEMA_RULES = { ...VALUE_RULES, ...FIELD_RULES, ...VARIANT_RULES };

/** allOf folded into one schema: fields and required lists united, the rest from the first that says it. */
function flatten(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  const parts = [rest, ...(allOf as Schema[]).filter(isObject).map(flatten)];
  const merged: Schema = {};
  for (const part of parts) for (const [k, v] of Object.entries(part)) if (!(k in merged)) merged[k] = v;
  const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {}));
  const required = [...new Set(parts.flatMap((p) => (Array.isArray(p.required) ? (p.required as string[]) : [])))];
  if (Object.keys(properties).length) merged.properties = properties;
  if (required.length) merged.required = required;
  return merged;
}

/** Compares two schemas used at `prefix` (`response 200 application/json`); changes name the field path after it. */
export function compareSchemas(before: unknown, after: unknown, direction: Direction, prefix: string, emitAt: Emit) {
  const emit: Emit = (rule, path, values) => emitAt(rule, path ? `${prefix}: ${path}` : prefix, values);
  // Pairs already being compared: a recursive schema meets itself again deeper down.
  const seen = new Map<object, Set<object>>();
  const walk = (rawBefore: unknown, rawAfter: unknown, at: string) => {
    if (!isObject(rawBefore) || !isObject(rawAfter)) return;
    const pairs = seen.get(rawBefore) ?? new Set<object>();
    if (pairs.has(rawAfter)) return;
    seen.set(rawBefore, pairs.add(rawAfter));
    const was = flatten(rawBefore);
    const now = flatten(rawAfter);
    compareDescriptions(was, now, at, emit);
    compareTypes(was, now, direction, at, emit);
    compareEnums(was, now, direction, at, emit);
    compareConstraints(was, now, direction, at, emit);
    compareFields(was, now, direction, at, emit, walk);
    walk(was.items, now.items, `${at}[]`);
    walk(was.additionalProperties, now.additionalProperties, `${at}{}`);
    for (const union of ["oneOf", "anyOf"] as const) {
      const a = Array.isArray(was[union]) ? (was[union] as unknown[]) : [];
      const b = Array.isArray(now[union]) ? (now[union] as unknown[]) : [];
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${at}<${union} ${i}>`);
      for (let i = b.length; i < a.length; i++) emit(`${direction}-variant-removed`, `${at}<${union} ${i}>`);
      for (let i = a.length; i < b.length; i++) emit(`${direction}-variant-added`, `${at}<${union} ${i}>`);
    }
  };
  walk(before, after, "");
}

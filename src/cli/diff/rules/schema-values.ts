// Rules on the values one schema admits: its types, its enum, its constraints, its description.
// What the consumer writes (request) may only widen; what it reads (response) may only narrow.
import { isObject, type Emit, type Rule, type Schema } from "./rule.js";

export type Direction = "request" | "response";

export const VALUE_RULES = {
  "request-type-narrowed": { breaking: true, reason: "a value the consumer's code sends today (and its types allow) no longer type-checks or is refused" },
  "request-type-widened": { breaking: false, reason: "every value sent today is still accepted" },
  "response-type-widened": { breaking: true, reason: "the field's type gains a member (another type, or null) that code reading it does not handle, and strict TypeScript makes it say so" },
  "response-type-narrowed": { breaking: false, reason: "every value the consumer handles today is still one it handles" },
  "type-changed": { breaking: true, reason: "the field's type changed: code that sends or reads the old type no longer compiles" },
  "request-enum-narrowed": { breaking: true, reason: "a value the consumer may send today is no longer accepted, and its literal type is gone" },
  "request-enum-widened": { breaking: false, reason: "every value sent today is still accepted; the new ones are optional to use" },
  "response-enum-widened": { breaking: true, reason: "the response may carry a value the consumer's exhaustive switch (or `satisfies never`) does not handle" },
  "response-enum-narrowed": { breaking: false, reason: "the consumer handles a value that no longer comes, which costs nothing" },
  "request-constraint-tightened": { breaking: true, reason: "a value valid today (length, range, pattern, format) is refused by the request validation and the server" },
  "request-constraint-loosened": { breaking: false, reason: "every value valid today stays valid" },
  "response-constraint-changed": { breaking: false, reason: "the TypeScript type of a response field does not carry its constraints; code reading it compiles and runs as before" },
  "description-changed": { breaking: false, reason: "documentation only: no type, schema or request changes" },
} satisfies Record<string, Rule>;

// The JSON types a schema admits; "any" when it says nothing (3.0's nullable counts as null).
function typesOf(schema: Schema): Set<string> {
  const raw = schema.type ?? (schema.const !== undefined ? typeof schema.const : undefined);
  const types = new Set<string>(raw === undefined ? ["any"] : Array.isArray(raw) ? (raw as string[]) : [raw as string]);
  if (schema.nullable === true) types.add("null");
  return types;
}

const covers = (types: Set<string>, type: string) =>
  types.has("any") || types.has(type) || (type === "integer" && types.has("number"));

/** The enum as a list, with `const` as a one-value enum; undefined when the schema has neither. */
function enumOf(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return schema.const !== undefined ? [schema.const] : undefined;
}

const key = (value: unknown) => JSON.stringify(value);

export function compareTypes(before: Schema, after: Schema, direction: Direction, location: string, emit: Emit) {
  const was = typesOf(before);
  const now = typesOf(after);
  const gained = [...now].filter((t) => !covers(was, t));
  const lost = [...was].filter((t) => !covers(now, t));
  if (!gained.length && !lost.length) return;
  const values = { before: [...was].join(" | "), after: [...now].join(" | ") };
  if (gained.length && lost.length) emit("type-changed", location, values);
  else if (direction === "request") emit(lost.length ? "request-type-narrowed" : "request-type-widened", location, values);
  else emit(gained.length ? "response-type-widened" : "response-type-narrowed", location, values);
}

export function compareEnums(before: Schema, after: Schema, direction: Direction, location: string, emit: Emit) {
  const was = enumOf(before);
  const now = enumOf(after);
  if (!was && !now) return;
  // No enum means any value of the type: adding one narrows, dropping one widens.
  const added = now ? (was ? now.filter((v) => !was.some((w) => key(w) === key(v))) : []) : undefined;
  const removed = was ? (now ? was.filter((v) => !now.some((w) => key(w) === key(v))) : []) : undefined;
  const widened = was !== undefined && (now === undefined || added!.length > 0);
  const narrowed = now !== undefined && (was === undefined || removed!.length > 0);
  const values = { before: was ?? "any value", after: now ?? "any value" };
  if (direction === "request") {
    if (narrowed) emit("request-enum-narrowed", location, values);
    if (widened) emit("request-enum-widened", location, values);
  } else {
    if (widened) emit("response-enum-widened", location, values);
    if (narrowed) emit("response-enum-narrowed", location, values);
  }
}

// For each constraint: which direction of change makes fewer values valid.
const TIGHTER: Record<string, (was: number, now: number) => boolean> = {
  minLength: (was, now) => now > was,
  maxLength: (was, now) => now < was,
  minimum: (was, now) => now > was,
  maximum: (was, now) => now < was,
  exclusiveMinimum: (was, now) => now > was,
  exclusiveMaximum: (was, now) => now < was,
  minItems: (was, now) => now > was,
  maxItems: (was, now) => now < was,
  multipleOf: (was, now) => now !== was,
};

export function compareConstraints(before: Schema, after: Schema, direction: Direction, location: string, emit: Emit) {
  for (const name of [...Object.keys(TIGHTER), "pattern", "format"]) {
    const was = before[name];
    const now = after[name];
    if (key(was) === key(now)) continue;
    const at = [location, `(${name})`].filter(Boolean).join(" ");
    if (direction === "response") {
      emit("response-constraint-changed", at, { before: was, after: now });
      continue;
    }
    // Added or changed: tighter (a pattern or format we cannot order counts as tighter); removed: looser.
    const tighter =
      now !== undefined &&
      (was === undefined || typeof was !== "number" || typeof now !== "number" || TIGHTER[name]?.(was, now) !== false);
    emit(tighter ? "request-constraint-tightened" : "request-constraint-loosened", at, { before: was, after: now });
  }
}

export function compareDescriptions(before: Schema, after: Schema, location: string, emit: Emit) {
  if (isObject(before) && (before.description ?? "") !== (after.description ?? "")) {
    emit("description-changed", location, { before: before.description, after: after.description });
  }
}

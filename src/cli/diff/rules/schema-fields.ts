// Rules on an object's fields: which exist and which are required. A request field is one the
// consumer writes in an object literal; a response field is one its code reads.
import type { Emit, Rule, Schema } from "./rule.js";
import type { Direction } from "./schema-values.js";

export const FIELD_RULES = {
  "request-field-removed": { breaking: true, reason: "an object literal that sets it no longer compiles (excess property), and the server ignores or refuses it" },
  "request-required-field-added": { breaking: true, reason: "every request written today lacks it: it no longer compiles, and the server refuses it" },
  "request-optional-field-added": { breaking: false, reason: "requests written today stay valid; the field is there to use" },
  "request-field-made-required": { breaking: true, reason: "a request that leaves it out no longer compiles, and the server refuses it" },
  "request-field-made-optional": { breaking: false, reason: "every request written today stays valid" },
  "response-field-removed": { breaking: true, reason: "code that reads it no longer compiles (the property is gone from the type)" },
  "response-field-added": { breaking: false, reason: "a new field to read; code written today ignores it" },
  "response-field-made-optional": { breaking: true, reason: "its type becomes `T | undefined`: code that uses it as `T` no longer compiles under strict null checks" },
  // Reading code still compiles, but this package also builds answers from the spec: a test
  // double typed from it (the MSW kit's respond(), a fixture checked by the zod schemas) that
  // leaves the field out no longer compiles or is refused, and validate "strict" refuses an
  // answer without it. For this package's consumers that is a breaking change.
  "response-field-made-required": {
    breaking: true,
    reason: "answers built from the spec (MSW respond() fixtures, test doubles) that leave it out no longer compile or are refused, and validate \"strict\" refuses an answer without it",
  },
} satisfies Record<string, Rule>;

const requiredOf = (schema: Schema) => new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
const propertiesOf = (schema: Schema) => (schema.properties ?? {}) as Record<string, Schema>;

/** Compares the fields of two object schemas; calls `nested` for each field present in both. */
export function compareFields(
  before: Schema,
  after: Schema,
  direction: Direction,
  location: string,
  emit: Emit,
  nested: (before: Schema, after: Schema, location: string) => void,
) {
  const was = propertiesOf(before);
  const now = propertiesOf(after);
  const wasRequired = requiredOf(before);
  const nowRequired = requiredOf(after);
  const at = (name: string) => (location ? `${location}.${name}` : name);
  for (const name of Object.keys(was)) {
    if (!(name in now)) emit(`${direction}-field-removed`, at(name));
  }
  for (const name of Object.keys(now)) {
    if (name in was) continue;
    if (direction === "response") emit("response-field-added", at(name));
    else emit(nowRequired.has(name) ? "request-required-field-added" : "request-optional-field-added", at(name));
  }
  for (const name of Object.keys(now)) {
    if (!(name in was)) continue;
    if (!wasRequired.has(name) && nowRequired.has(name)) emit(`${direction}-field-made-required`, at(name));
    if (wasRequired.has(name) && !nowRequired.has(name)) emit(`${direction}-field-made-optional`, at(name));
    nested(was[name]!, now[name]!, at(name));
  }
}

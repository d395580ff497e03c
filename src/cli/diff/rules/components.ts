// Rules on named schemas: each is exported as `components["schemas"]["Name"]` and as a zod schema
// `zName`, so consumers may import one by name even where no operation changed.
import { isObject, type Emit, type Rule, type Schema } from "./rule.js";

export const COMPONENT_RULES = {
  "component-schema-removed": { breaking: true, reason: "`components[\"schemas\"][\"<name>\"]` and its zod schema are gone: imports of them no longer compile" },
  "component-schema-added": { breaking: false, reason: "a new type and zod schema to import" },
} satisfies Record<string, Rule>;

const schemasOf = (spec: Schema) =>
  isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {};

export function compareComponents(before: Schema, after: Schema, emit: Emit) {
  const was = schemasOf(before);
  const now = schemasOf(after);
  for (const name of Object.keys(was)) if (!(name in now)) emit("component-schema-removed", `schema ${name}`);
  for (const name of Object.keys(now)) if (!(name in was)) emit("component-schema-added", `schema ${name}`);
}

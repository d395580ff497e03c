// Rules on path, query, header and cookie parameters (the operation's and its path item's),
// matched by where they go and their name. The consumer writes them: the request direction.
import { isObject, type Emit, type Rule, type Schema } from "./rule.js";
import { compareSchemas } from "./schemas.js";

export const PARAMETER_RULES = {
  "parameter-removed": { breaking: true, reason: "code that passes it no longer compiles (`params` has no such key), and the server ignores it" },
  "required-parameter-added": { breaking: true, reason: "every call written today lacks it: it no longer compiles, and the server refuses it" },
  "optional-parameter-added": { breaking: false, reason: "calls written today stay valid; the parameter is there to use" },
  "parameter-made-required": { breaking: true, reason: "calls that leave it out no longer compile, and the server refuses them" },
  "parameter-made-optional": { breaking: false, reason: "every call written today stays valid" },
} satisfies Record<string, Rule>;

/** The parameters that apply to an operation, keyed `query parameter team`; the operation's win over its path item's. */
export function parametersOf(pathItem: Schema, operation: Schema): Map<string, Schema> {
  const all = [...((pathItem.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])];
  const byKey = new Map<string, Schema>();
  for (const p of all) if (isObject(p)) byKey.set(`${p.in} parameter ${p.name}`, p);
  return byKey;
}

export function compareParameters(before: Map<string, Schema>, after: Map<string, Schema>, emit: Emit) {
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) {
      emit("parameter-removed", key);
      continue;
    }
    if (!was.required && now.required) emit("parameter-made-required", key);
    if (was.required && !now.required) emit("parameter-made-optional", key);
    compareSchemas(was.schema, now.schema, "request", key, emit);
    if ((was.description ?? "") !== (now.description ?? "")) {
      emit("description-changed", key, { before: was.description, after: now.description });
    }
  }
  for (const [key, now] of after) {
    if (!before.has(key)) emit(now.required ? "required-parameter-added" : "optional-parameter-added", key);
  }
}

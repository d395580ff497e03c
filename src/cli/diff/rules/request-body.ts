// Rules on the request body: whether there is one, whether it is required, its media types, and
// (through the schema rules, request direction) what goes in it.
import { isObject, type Emit, type Rule, type Schema } from "./rule.js";
import { compareSchemas } from "./schemas.js";

export const REQUEST_BODY_RULES = {
  "request-body-removed": { breaking: true, reason: "code that passes `body` no longer compiles" },
  "required-request-body-added": { breaking: true, reason: "every call written today lacks `body`: it no longer compiles, and the server refuses it" },
  "optional-request-body-added": { breaking: false, reason: "calls written today stay valid" },
  "request-body-made-required": { breaking: true, reason: "calls without `body` no longer compile, and the server refuses them" },
  "request-body-made-optional": { breaking: false, reason: "every call written today stays valid" },
  "request-media-type-removed": { breaking: true, reason: "a body sent as this media type is no longer accepted" },
  "request-media-type-added": { breaking: false, reason: "another way to send the body; the current one still works" },
} satisfies Record<string, Rule>;

const contentOf = (body: unknown) => (isObject(body) && isObject(body.content) ? (body.content as Record<string, Schema>) : {});

export function compareRequestBodies(before: unknown, after: unknown, emit: Emit) {
  const where = "request body";
  if (!isObject(before) && !isObject(after)) return;
  if (!isObject(after)) return emit("request-body-removed", where);
  if (!isObject(before)) return emit(after.required ? "required-request-body-added" : "optional-request-body-added", where);
  if (!before.required && after.required) emit("request-body-made-required", where);
  if (before.required && !after.required) emit("request-body-made-optional", where);
  const was = contentOf(before);
  const now = contentOf(after);
  for (const type of Object.keys(was)) if (!(type in now)) emit("request-media-type-removed", `${where} ${type}`);
  for (const type of Object.keys(now)) if (!(type in was)) emit("request-media-type-added", `${where} ${type}`);
  for (const type of Object.keys(now)) {
    if (type in was) compareSchemas(was[type]!.schema, now[type]!.schema, "request", `${where} ${type}`, emit);
  }
}

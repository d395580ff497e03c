// Rules on responses: which statuses exist, their media types, and (through the schema rules,
// response direction) what the consumer reads from them. openapi-fetch types `data` from the 2xx
// responses and `error` from the others, so only success statuses shape what code reads directly.
import { isObject, type Emit, type Rule, type Schema } from "./rule.js";
import { compareSchemas } from "./schemas.js";

export const RESPONSE_RULES = {
  "success-status-removed": { breaking: true, reason: "a success the consumer handles no longer comes as that status; its `data` type loses that response's body" },
  "success-status-added": { breaking: true, reason: "`data` becomes a union with the new response's body, which code reading `data` today does not handle" },
  "success-status-added-without-body": { breaking: false, reason: "a new success status with no body to read: `data` keeps its type" },
  "error-status-added": { breaking: false, reason: "error statuses come back in `error` (or as a typed exception) and are handled by status; a new one falls to the default branch" },
  "error-status-removed": { breaking: false, reason: "an error that no longer comes costs the consumer nothing" },
  "response-media-type-removed": { breaking: true, reason: "a response of this media type no longer comes; code parsing it (or its type) breaks" },
  "response-media-type-added": { breaking: false, reason: "openapi-fetch types `data` from the JSON media type and reads others only when asked (`parseAs`): code written today is unaffected" },
} satisfies Record<string, Rule>;

const isSuccess = (status: string) => /^2/.test(status);
const contentOf = (response: Schema) => (isObject(response.content) ? (response.content as Record<string, Schema>) : {});

export function compareResponses(before: Record<string, Schema>, after: Record<string, Schema>, emit: Emit) {
  for (const status of Object.keys(before)) {
    if (!(status in after)) emit(isSuccess(status) ? "success-status-removed" : "error-status-removed", `response ${status}`);
  }
  for (const [status, response] of Object.entries(after)) {
    if (status in before) continue;
    const hasBody = Object.keys(contentOf(response)).length > 0;
    emit(isSuccess(status) ? (hasBody ? "success-status-added" : "success-status-added-without-body") : "error-status-added", `response ${status}`);
  }
  for (const status of Object.keys(after)) {
    if (!(status in before)) continue;
    const was = contentOf(before[status]!);
    const now = contentOf(after[status]!);
    // Only a success's media types change what `data` is; an error's body is read after its status.
    if (isSuccess(status)) {
      for (const type of Object.keys(was)) if (!(type in now)) emit("response-media-type-removed", `response ${status} ${type}`);
      for (const type of Object.keys(now)) if (!(type in was)) emit("response-media-type-added", `response ${status} ${type}`);
    }
    for (const type of Object.keys(now)) {
      if (type in was) compareSchemas(was[type]!.schema, now[type]!.schema, "response", `response ${status} ${type}`, emit);
    }
  }
}

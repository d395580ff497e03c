// Rules on whole operations: which exist (by method and path) and how they are named and documented.
import type { Emit, Rule, Schema } from "./rule.js";

export const OPERATION_RULES = {
  "operation-removed": { breaking: true, reason: "calls to this method and path no longer compile, and the server no longer answers them" },
  "operation-added": { breaking: false, reason: "a new call to make; nothing written today changes" },
  "operation-id-changed": { breaking: true, reason: "the `operations[\"<id>\"]` type the consumer may import is renamed" },
  "operation-deprecated": { breaking: false, reason: "still works; a notice to move away from it" },
  "operation-description-changed": { breaking: false, reason: "documentation only" },
} satisfies Record<string, Rule>;

export function compareOperationHeader(before: Schema, after: Schema, emit: Emit) {
  if (before.operationId !== after.operationId) {
    emit("operation-id-changed", "operationId", { before: before.operationId, after: after.operationId });
  }
  if (!before.deprecated && after.deprecated) emit("operation-deprecated", "deprecated");
  for (const field of ["summary", "description"] as const) {
    if ((before[field] ?? "") !== (after[field] ?? "")) {
      emit("operation-description-changed", field, { before: before[field], after: after[field] });
    }
  }
}

// Compares two dereferenced OpenAPI documents operation by operation and classifies every change
// for a consumer of the typed client (the rules and their reasons live in rules/).
import { compareComponents } from "./rules/components.js";
import { RULES } from "./rules/index.js";
import { compareOperationHeader } from "./rules/operations.js";
import { compareParameters, parametersOf } from "./rules/parameters.js";
import { compareRequestBodies } from "./rules/request-body.js";
import { compareResponses } from "./rules/responses.js";
import { emitter, isObject, type Change, type Schema } from "./rules/rule.js";

export type { Change } from "./rules/rule.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface Operation {
  label: string;
  pathItem: Schema;
  operation: Schema;
}

// Keyed by method and path with parameter names blanked: `/scans/{id}` and `/scans/{scan_id}`
// are one operation (a renamed path parameter then shows as removed + added).
function operationsOf(spec: Schema): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, pathItem] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      operations.set(`${method} ${path.replace(/\{[^}]*\}/g, "{}")}`, { label, pathItem, operation });
    }
  }
  return operations;
}

export function diffSpecs(before: unknown, after: unknown): Change[] {
  if (!isObject(before) || !isObject(after)) throw new TypeError("diffSpecs compares two OpenAPI documents (objects)");
  const changes: Change[] = [];
  const was = operationsOf(before);
  const now = operationsOf(after);
  for (const [key, op] of was) {
    if (!now.has(key)) emitter(RULES, op.label, changes)("operation-removed", "", { before: op.operation.operationId });
  }
  for (const [key, op] of now) {
    const old = was.get(key);
    const emit = emitter(RULES, op.label, changes);
    if (!old) {
      emit("operation-added", "", { after: op.operation.operationId });
      continue;
    }
    compareOperationHeader(old.operation, op.operation, emit);
    compareParameters(parametersOf(old.pathItem, old.operation), parametersOf(op.pathItem, op.operation), emit);
    compareRequestBodies(old.operation.requestBody, op.operation.requestBody, emit);
    compareResponses(
      (old.operation.responses ?? {}) as Record<string, Schema>,
      (op.operation.responses ?? {}) as Record<string, Schema>,
      emit,
    );
  }
  compareComponents(before, after, emitter(RULES, "components", changes));
  return changes;
}

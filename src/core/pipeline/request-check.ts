// Step 3: parameter names the spec does not declare (unknown-parameters.ts), then the request's path, query and body checked against the spec's zod schemas before
// anything is sent. The first validated call of an operation waits for the schemas to load (a
// lazy chunk); the caller's abort ends that wait. With validate "off" nothing is loaded.
import { RequestValidationError } from "../errors.js";
import { untilAborted } from "../timeout.js";
import { checkParameterNames } from "../unknown-parameters.js";
import { check } from "../validate.js";
import type { Call } from "./call-state.js";

export function requestCheck(call: Call): Promise<void> | undefined {
  const { op } = call.operation;
  if (!op || call.mode === "off") return undefined;
  // Parameter names come from the operation table: a misspelt one is caught before zod loads.
  checkParameterNames(op, call.init.params, call.mode, call.context, call.client.onValidationError);
  return loadAndCheck(call);
}

async function loadAndCheck(call: Call): Promise<void> {
  const { context, callerSignal } = call;
  const loading = call.client.schemasFor(call.operation.key, context);
  const schemas = (call.schemas = await (callerSignal ? untilAborted(loading, callerSignal) : loading));
  if (!schemas) return;
  const { init } = call;
  const parts = [
    ["path", schemas.path, init.params?.path ?? {}],
    ["query", schemas.query, init.params?.query ?? {}],
    ["body", schemas.body, init.body],
  ] as const;
  const issues = parts.flatMap(([where, schema, value]) =>
    schema ? check(schema, value).map((i) => ({ ...i, path: i.path ? `${where}.${i.path}` : where })) : [],
  );
  if (issues.length) throw new RequestValidationError(context, issues);
}

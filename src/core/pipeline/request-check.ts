// Step 3: parameter names the spec does not declare (unknown-parameters.ts), then the request's
// path, query and body checked before anything is sent (load-validators.ts: the precompiled
// checks, zod for what they refuse). The first validated call of an operation waits for the
// checks to load (a lazy chunk); the caller's abort ends that wait. With validate "off" nothing is loaded.
import { RequestValidationError } from "../errors.js";
import { untilAborted } from "../timeout.js";
import { checkParameterNames } from "../unknown-parameters.js";
import type { Call } from "./call-state.js";

export function requestCheck(call: Call): Promise<void> | undefined {
  const { op } = call.operation;
  if (!op || call.mode === "off") return undefined;
  // Parameter names come from the operation table: a misspelt one is caught before anything loads.
  checkParameterNames(op, call.init.params, call.mode, call.context, call.client.onValidationError);
  return loadAndCheck(call);
}

async function loadAndCheck(call: Call): Promise<void> {
  const { context, callerSignal } = call;
  const loading = call.client.schemasFor(call.operation.key, context);
  const checks = (call.checks = await (callerSignal ? untilAborted(loading, callerSignal) : loading));
  if (!checks) return;
  const { init } = call;
  const parts = [
    ["path", checks.path, init.params?.path ?? {}],
    ["query", checks.query, init.params?.query ?? {}],
    ["body", checks.body, init.body],
  ] as const;
  const issues = [];
  for (const [where, checkPart, value] of parts) {
    if (!checkPart) continue;
    const found = checkPart(value, context);
    for (const i of found instanceof Promise ? await found : found) issues.push({ ...i, path: i.path ? `${where}.${i.path}` : where });
  }
  if (issues.length) throw new RequestValidationError(context, issues);
}

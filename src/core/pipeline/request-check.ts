// Step 3: the request's path, query and body checked against the spec's zod schemas before
// anything is sent. The first validated call of an operation waits for the schemas to load (a
// lazy chunk); the caller's abort ends that wait. With validate "off" nothing is loaded.
import { RequestValidationError } from "../errors.js";
import { untilAborted } from "../timeout.js";
import { check } from "../validate.js";
import type { Call } from "./call-state.js";

export function requestCheck(call: Call): Promise<void> | undefined {
  if (!call.operation.op || call.mode === "off") return undefined;
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

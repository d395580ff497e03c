// Step 6: a JSON success body checked against the spec (load-validators.ts: the precompiled
// check, zod for what it refuses): "strict" throws a ResponseValidationError, "warn" hands it to
// onValidationError and returns the data. Only a body the precompiled check refuses costs a wait.
import { ResponseValidationError, type ValidationIssue } from "../errors.js";
import type { Call } from "./call-state.js";

export function responseCheck(call: Call): Promise<void> | undefined {
  const { result, checks, reading } = call;
  if (!checks?.response || !result.response.ok || result.data === undefined) return undefined;
  // Bytes (an "auto" read of a non-JSON answer) and parseAs text/blob/stream are not JSON to check.
  const parsedJson = reading === "json" || (reading === "auto" && !(result.data instanceof Uint8Array));
  if (!parsedJson) return undefined;
  const issues = checks.response(result.data, call.answered);
  if (issues instanceof Promise) return issues.then((found) => report(call, found));
  report(call, issues);
  return undefined;
}

function report(call: Call, issues: readonly ValidationIssue[]): void {
  if (!issues.length) return;
  const error = new ResponseValidationError(call.answered, issues);
  call.client.logger.debug("response failed validation", { requestId: call.answered.requestId, issues });
  if (call.mode === "strict") throw error;
  call.client.onValidationError(error);
}

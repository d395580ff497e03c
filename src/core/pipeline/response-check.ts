// Step 6: a JSON success body checked against the spec's zod schema: "strict" throws a
// ResponseValidationError, "warn" hands it to onValidationError and returns the data.
import { ResponseValidationError } from "../errors.js";
import { check } from "../validate.js";
import type { Call } from "./call-state.js";

export function responseCheck(call: Call): void {
  const { result, schemas, reading } = call;
  if (!schemas?.response || !result.response.ok || result.data === undefined) return;
  // Bytes (an "auto" read of a non-JSON answer) and parseAs text/blob/stream are not JSON to check.
  const parsedJson = reading === "json" || (reading === "auto" && !(result.data instanceof Uint8Array));
  if (!parsedJson) return;
  const issues = check(schemas.response, result.data);
  if (!issues.length) return;
  const error = new ResponseValidationError(call.answered, issues);
  call.client.logger.debug("response failed validation", { requestId: call.answered.requestId, issues });
  if (call.mode === "strict") throw error;
  call.client.onValidationError(error);
}

// Step 2: the per-call options (validate, timeoutMs, maxRetries, retryNonIdempotent,
// maxResponseBytes, parseAs; a per-call baseUrl refused) checked and resolved against the client's; a bad one is a
// ConfigurationError before anything is sent.
import { checkCallInit } from "../option-checks.js";
import { readMode } from "../read-response.js";
import type { ValidationMode } from "../validate.js";
import { wholeNumber } from "../whole-number.js";
import type { Call } from "./call-state.js";

export function callOptions(call: Call): void {
  const { client, options, context } = call;
  checkCallInit(options, context);
  call.mode = (options.validate as ValidationMode | undefined) ?? client.validate;
  call.retryOptIn = options.retryNonIdempotent === true;
  call.timeoutMs = wholeNumber("timeoutMs", options.timeoutMs, client.timeoutMs, context, true);
  call.maxRetries = wholeNumber("maxRetries", options.maxRetries, client.maxRetries, context, true);
  const bytes = options.maxResponseBytes === undefined ? undefined : wholeNumber("maxResponseBytes", options.maxResponseBytes, 0, context, true);
  call.limits = bytes === undefined ? client.defaultLimits : { json: bytes, other: bytes };
  const { op, nonJson } = call.operation;
  call.reading = call.method === "HEAD" ? undefined : readMode(op, nonJson, call.init.parseAs, context);
}

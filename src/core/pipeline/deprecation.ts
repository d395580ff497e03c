// Step 5: the vendor's retirement signals. An answer with Deprecation / Sunset / Link headers
// (deprecation.ts) gets `result.deprecation`, and an operation the spec marks deprecated is
// named too: each warns once per operation per client, through the logger (else console.warn).
import { describeNotice, parseDeprecation, type DeprecationNotice } from "../deprecation.js";
import type { Call } from "./call-state.js";

export function deprecation(call: Call): void {
  const { result, client, operation } = call;
  const { headers } = result.response;
  // Most answers carry none of the three: a cheap look before any parsing.
  if (headers.has("deprecation") || headers.has("sunset") || headers.has("link")) {
    const notice = parseDeprecation(headers);
    if (notice) {
      (result as { deprecation?: DeprecationNotice }).deprecation = notice;
      warnOnce(call, operation.key, `${client.vendor.displayName} says ${operation.label} is ${describeNotice(notice)}. Plan the move before it is removed.`);
    }
  }
  if (operation.op?.deprecated) {
    warnOnce(call, `spec ${operation.key}`, `${operation.label} is marked deprecated in the ${client.vendor.displayName} spec; plan the move to its replacement.`);
  }
}

function warnOnce(call: Call, key: string, message: string): void {
  const { warned } = call.client;
  if (warned.has(key)) return;
  warned.add(key);
  call.client.warn(message);
}

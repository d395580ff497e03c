// Step 5: the vendor's retirement signals. An answer with Deprecation / Sunset headers, or a Link
// with rel="deprecation" or "sunset" (deprecation.ts, imported with the first such answer), gets
// `result.deprecation`, and an operation the spec marks deprecated is named too: each warns once
// per operation per client, through the logger (else console.warn).
import type { DeprecationNotice } from "../deprecation.js";
import { MAX_MESSAGE_CHARS, serverText } from "../errors.js";
import { lazy } from "../lazy.js";
import type { Call } from "./call-state.js";

const loadParser = lazy(() => import("../deprecation.js"));

export function deprecation(call: Call): Promise<void> | undefined {
  const { headers } = call.result.response;
  if (call.operation.op?.deprecated) {
    warnOnce(call, `spec ${call.operation.key}`, `${call.operation.label} is marked deprecated in the ${call.client.vendor.displayName} spec; plan the move to its replacement.`);
  }
  // Most answers carry none of them: a cheap look before anything loads.
  const link = headers.get("link");
  if (!headers.has("deprecation") && !headers.has("sunset") && !(link && /deprecation|sunset/i.test(link))) return undefined;
  return loadParser().then(
    ({ describeNotice, parseDeprecation }) => {
      const notice = parseDeprecation(headers);
      if (!notice) return;
      (call.result as { deprecation?: DeprecationNotice }).deprecation = notice;
      warnOnce(call, call.operation.key, `${call.client.vendor.displayName} says ${call.operation.label} is ${describeNotice(notice)}. Plan the move before it is removed.`);
    },
    // A notice is advice: a parser that did not load (a browser's chunk that did not arrive) costs
    // the notice, never the answer, and the warning still quotes what the vendor sent.
    (error: unknown) => {
      const sent = ["deprecation", "sunset", "link"].flatMap((name) => (headers.has(name) ? [`${name}: ${headers.get(name)}`] : []));
      // Server text: redacted, then bounded, as every error message quotes it.
      const quoted = serverText(sent.join("; "), MAX_MESSAGE_CHARS, call.client.redact);
      warnOnce(
        call,
        call.operation.key,
        `${call.client.vendor.displayName} answered ${call.operation.label} with retirement signals, but the client could not read its ` +
          `Deprecation/Sunset headers (${error instanceof Error ? error.message : String(error)}): ${quoted}.`,
      );
    },
  );
}

function warnOnce(call: Call, key: string, message: string): void {
  const { warned } = call.client;
  if (warned.has(key)) return;
  warned.add(key);
  call.client.warn(message);
}

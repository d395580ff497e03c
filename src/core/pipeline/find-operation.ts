// Which spec operation a `METHOD /path` is: looked up once per path of one method, and kept for
// the spec's own paths only, so the cache holds at most one entry per operation.
import { declaresNonJson } from "../read-response.js";
import type { VendorDescription } from "../vendor.js";
import type { KnownOperation } from "./call-state.js";

// The operation tables' key, `METHOD /path` as the spec writes the path; kept out of operation.ts
// so the entry shares no module with the lazy zod chunk (one eager chunk fewer).
export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export function operationFinder(vendor: VendorDescription, method: string): (path: string) => KnownOperation {
  const known = new Map<string, KnownOperation>();
  return (path) => {
    const found = known.get(path);
    if (found) return found;
    const key = operationKey(method, path);
    const op = vendor.operations[key];
    const entry = { key, op, label: op ? `${op.operationId} (${method} ${path})` : `${method} ${path}`, nonJson: declaresNonJson(op) };
    if (op) known.set(path, entry);
    return entry;
  };
}

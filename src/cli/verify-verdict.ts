// What one probe's answer proves. Only a success status the spec declares, with a body that
// keeps to the spec, counts as checked: a declared error status (401, 403, 429, 5xx, or a 404 for
// an example id the upstream does not hold) proves nothing and is skipped; an undeclared status,
// or a 404 where the request names no resource (so the path itself is missing), is a violation.
import type { SpecOperation } from "./spec-examples.js";

export interface Violation {
  location: string[];
  severity: string;
  message: string;
}

export type Verdict =
  | { kind: "checked" }
  | { kind: "skipped"; reason: string }
  | { kind: "violations"; problems: string[] };

const declares = (op: SpecOperation, status: number) =>
  Object.keys(op.responses ?? {}).some((code) => code === String(status) || code === `${String(status)[0]}XX` || code === "default");

export function judge(op: SpecOperation, namesResource: boolean, status: number, violations: Violation[]): Verdict {
  if (!declares(op, status)) {
    return { kind: "violations", problems: [`status ${status} is not one the spec declares (${Object.keys(op.responses ?? {}).join(", ")})`] };
  }
  if (status === 404 && !namesResource) {
    return { kind: "violations", problems: ["404 for an operation that names no resource: the path is missing upstream (is the base path of --upstream right?)"] };
  }
  if (status < 200 || status > 299) {
    return { kind: "skipped", reason: status === 404 ? "the example id does not exist upstream" : "an error status, so the success answer was not seen" };
  }
  // Only the answer is judged: a request-side finding would be a fault of this probe.
  const problems = violations.filter((v) => v.severity === "Error" && v.location[0] === "response").map((v) => `${v.location.join(".")}: ${v.message}`);
  return problems.length ? { kind: "violations", problems } : { kind: "checked" };
}

// When is an audit finished? The vendor documents no status values, so the rules follow the
// spec's advice: `completed` is done, `failed` (and its likely siblings) is failed, and a filled-in
// `completed_at` also means the run is over, whatever the server calls that state.
import type { components } from "../../generated/ailabsaudit/schema.js";

export type Audit = components["schemas"]["Audit"];

/** Statuses that end `waitForAudit` successfully. */
export const AUDIT_DONE_STATUSES: readonly string[] = ["completed"];
/** Statuses that end `waitForAudit` with a JobFailedError. */
export const AUDIT_FAILED_STATUSES: readonly string[] = ["failed", "cancelled", "error"];

/** The audit's status as the wait loop compares it: lower case, with the spec's fallbacks. */
export function auditStatus(audit: Audit): string {
  const raw = typeof audit.status === "string" ? audit.status.trim().toLowerCase() : "";
  if (AUDIT_DONE_STATUSES.includes(raw) || AUDIT_FAILED_STATUSES.includes(raw)) return raw;
  // An undocumented final status ("done", "finished" …) still comes with a completion time.
  if (audit.completed_at) return "completed";
  // No status at all: a score only appears once the audit has been scored.
  if (raw === "" && audit.score !== null && audit.score !== undefined) return "completed";
  return raw || "unknown";
}

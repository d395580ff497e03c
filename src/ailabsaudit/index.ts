export {
  createAilabsauditClient,
  type AilabsauditClient,
  type AilabsauditClientOptions,
  type AilabsauditId,
  type DownloadInit,
  type ItemOf,
  type PaginatedPath,
} from "./client.js";
export { AUDIT_DONE_STATUSES, AUDIT_FAILED_STATUSES, auditStatus, type Audit } from "./audit-status.js";
export { ailabsaudit, type AilabsauditAuth } from "./vendor.js";
export type { components, operations, paths } from "../../generated/ailabsaudit/schema.js";

export { createAiptxClient, type AiptxClient, type AiptxClientOptions, type ItemOf, type PaginatedPath } from "./client.js";
export { EXPORT_ACCEPT, REPORT_ACCEPT, type DownloadOptions, type ExportFormat, type FindingsExportQuery, type ReportFormat } from "./downloads.js";
export { SCAN_DONE, SCAN_FAILED, SCAN_POLL_INTERVAL_MS, SCAN_WAIT_TIMEOUT_MS, type Scan, type ScanStatusView, type ScanWaitOptions } from "./wait-for-scan.js";
export { aiptx } from "./vendor.js";
export type { components, operations, paths } from "../../generated/aiptx/schema.js";

// Files AIPTx returns without its JSON envelope: a report in its format, and a scan's findings
// exported as JSON, SARIF, CSV or XML. Both come back as bytes with their content type; the
// Accept header asks for the format wanted (the spec lists several media types per call).
import type { components, paths } from "../../generated/aiptx/schema.js";
import type { CallOptions } from "../core/client-types.js";
import type { VendorClient } from "../core/create-client.js";
import type { Download } from "../core/download.js";
import { downloadFrom } from "../core/load-download.js";
import { oneOf } from "../core/option-checks.js";

export type ReportFormat = components["schemas"]["ReportFormat"];
export type FindingsExportQuery = paths["/findings/export"]["get"]["parameters"]["query"];
export type ExportFormat = NonNullable<FindingsExportQuery["format"]>;

/** Per-call options of the download helpers. */
export interface DownloadOptions extends CallOptions {
  signal?: AbortSignal;
  /** Extra headers; an `Accept` here replaces the one the helper chooses. */
  headers?: Record<string, string>;
}

export const REPORT_ACCEPT: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  html: "text/html",
  json: "application/json",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export const EXPORT_ACCEPT: Record<ExportFormat, string> = {
  json: "application/json",
  // The vendor may serve SARIF as plain JSON; both are acceptable.
  sarif: "application/sarif+json, application/json;q=0.9",
  csv: "text/csv",
  xml: "application/xml",
};

/**
 * The report file. Pass the report's `format` (from `GET /reports/{report_id}`) to ask for that
 * media type; without it the client accepts whatever the server sends.
 */
export async function downloadReport(
  client: VendorClient<paths>,
  reportId: string,
  options: DownloadOptions & { format?: ReportFormat } = {},
): Promise<Download> {
  const { format, headers, ...init } = options;
  // A format with no media type here would be sent as `Accept: undefined`; refused instead.
  oneOf("format", format, Object.keys(REPORT_ACCEPT), client.errorContext("downloadReport (GET /reports/{report_id}/download)"));
  const result = await client.GET("/reports/{report_id}/download", {
    ...init,
    params: { path: { report_id: reportId } },
    headers: { Accept: format ? REPORT_ACCEPT[format] : "*/*", ...headers },
    parseAs: "arrayBuffer",
  });
  return downloadFrom(result);
}

/** A scan's findings as a file in `query.format` (any the server picks when omitted). */
export async function exportFindings(
  client: VendorClient<paths>,
  query: FindingsExportQuery,
  options: DownloadOptions = {},
): Promise<Download> {
  const { headers, ...init } = options;
  oneOf("query.format", query?.format, Object.keys(EXPORT_ACCEPT), client.errorContext("exportFindings (GET /findings/export)"));
  const result = await client.GET("/findings/export", {
    ...init,
    params: { query },
    headers: { Accept: query.format ? EXPORT_ACCEPT[query.format] : "*/*", ...headers },
    parseAs: "arrayBuffer",
  });
  return downloadFrom(result);
}

// `createAiptxClient`: the typed AIPTx client, plus a typed `paginate`, `scans.waitForCompletion`
// and the two file downloads.
import type { paths } from "../../generated/aiptx/schema.js";
import type { GetJson, PaginateArgs, ThrowOption } from "../core/client-types.js";
import { createVendorClient, type ClientOptions, type VendorClient } from "../core/create-client.js";
import type { Download } from "../core/download.js";
import type { PageBounds, Paginator } from "../core/paginate.js";
import { downloadReport, exportFindings, type DownloadOptions, type FindingsExportQuery, type ReportFormat } from "./downloads.js";
import { aiptx } from "./vendor.js";
import { waitForScan, type Scan, type ScanWaitOptions } from "./wait-for-scan.js";

type Json<P extends keyof paths> = GetJson<paths, P>;

/** List endpoints: GET paths that take a `limit` query parameter and return `data[]` with `pagination`. */
export type PaginatedPath = {
  [P in keyof paths]: paths[P]["get"] extends { parameters: { query?: { limit?: number } } }
    ? Json<P> extends { data: unknown[]; pagination: unknown }
      ? P
      : never
    : never;
}[keyof paths];

export type ItemOf<P extends PaginatedPath> = Json<P> extends { data: (infer I)[] } ? I : never;

export interface AiptxClient<Throws extends boolean = false> extends VendorClient<paths, Throws> {
  /**
   * Every item of a list endpoint (scans, findings, reports), page after page, until
   * `pagination.total_pages` (or `pagination.total`) says there are no more. 100 per page
   * unless `limit` is set.
   */
  paginate<P extends PaginatedPath>(
    path: P,
    ...args: PaginateArgs<paths[P]>
  ): Paginator<ItemOf<P>>;
  scans: {
    /**
     * Polls the scan's status until it is `completed` and returns the full scan. Throws
     * JobFailedError for `failed` or `cancelled` and WaitTimeoutError past `timeoutMs`.
     * Defaults: a poll every 10 s, give up after 24 h (the longest deep scan). `onProgress`
     * sees every poll.
     */
    waitForCompletion(scanId: string, options?: ScanWaitOptions): Promise<Scan>;
  };
  reports: {
    /** The report file as bytes with its content type and file name. */
    download(reportId: string, options?: DownloadOptions & { format?: ReportFormat }): Promise<Download>;
  };
  findings: {
    /** A scan's findings as a JSON, SARIF, CSV or XML file. */
    export(query: FindingsExportQuery, options?: DownloadOptions): Promise<Download>;
  };
}

export type AiptxClientOptions = ClientOptions;

/** With `throwOnError: true` every call throws its failures, and its result's `data` is typed as present. */
export function createAiptxClient<Throws extends boolean = false>(
  options: AiptxClientOptions & ThrowOption<Throws> = {},
): AiptxClient<Throws> {
  const client = createVendorClient<paths>(aiptx, options);
  return Object.assign(client, {
    paginate: (path: string, init?: object, bounds?: PageBounds) => client.paginateRaw(path, init as never, bounds),
    scans: { waitForCompletion: (scanId: string, wait?: ScanWaitOptions) => waitForScan(client, scanId, wait) },
    reports: { download: (reportId: string, opts?: DownloadOptions & { format?: ReportFormat }) => downloadReport(client, reportId, opts) },
    findings: { export: (query: FindingsExportQuery, opts?: DownloadOptions) => exportFindings(client, query, opts) },
  }) as AiptxClient<Throws>;
}

// `createAilabsauditClient`: the typed AILabsAudit client, plus a typed `paginate` over list
// endpoints, `reports.download` for the PDF and `waitForAudit` after `POST /audits/launch`.
import type { paths } from "../../generated/ailabsaudit/schema.js";
import type { CallOptions, GetJson, PaginateArgs, ThrowOption } from "../core/client-types.js";
import { createVendorClient, type ClientOptions, type VendorClient } from "../core/create-client.js";
import type { Download } from "../core/download.js";
import { downloadFrom } from "../core/load-download.js";
import type { PageBounds, Paginator } from "../core/paginate.js";
import { loadPoll } from "../core/load-poll.js";
import type { WaitOptions } from "../core/poll.js";
import { AUDIT_DONE_STATUSES, AUDIT_FAILED_STATUSES, auditStatus, type Audit } from "./audit-status.js";
import { ailabsaudit, type AilabsauditAuth } from "./vendor.js";

type Json<P extends keyof paths> = GetJson<paths, P>;

type Query<P extends keyof paths> = NonNullable<paths[P]["get"] extends { parameters: { query?: infer Q } } ? Q : never>;

/** List endpoints: GET paths that take a `per_page` query parameter and return a `data` array. */
export type PaginatedPath = {
  [P in keyof paths]: [Query<P>] extends [never]
    ? never
    : "per_page" extends keyof Query<P>
      ? Json<P> extends { data: unknown[] }
        ? P
        : never
      : never;
}[keyof paths];

export type ItemOf<P extends PaginatedPath> = Json<P> extends { data: (infer I)[] } ? I : never;

/** Ids come back as numbers or strings; either can be passed and is sent as a string. */
export type AilabsauditId = string | number;

/** What a single download call accepts besides the id. */
export type DownloadInit = CallOptions & { signal?: AbortSignal; headers?: Record<string, string> };

export interface AilabsauditClient<Throws extends boolean = false> extends VendorClient<paths, Throws> {
  /** Every item of a list endpoint, page after page, until `page >= pagination.total_pages`. */
  paginate<P extends PaginatedPath>(
    path: P,
    ...args: PaginateArgs<paths[P]>
  ): Paginator<ItemOf<P>>;
  reports: {
    /** The report's PDF as bytes, with the file name from Content-Disposition when sent. Throws ApiError on failure. */
    download(id: AilabsauditId, init?: DownloadInit): Promise<Download>;
  };
  /**
   * Polls `GET /audits/{id}` until the audit is `completed` (resolves with it) or `failed`,
   * `cancelled`, `error` (JobFailedError), or `timeoutMs` passes (WaitTimeoutError). Each poll is
   * an ordinary call, so it waits for the client's rate limiter; the default 5 s interval uses
   * 12 of the 60 requests a minute.
   */
  waitForAudit(id: AilabsauditId, options?: WaitOptions<Audit>): Promise<Audit>;
}

export interface AilabsauditClientOptions extends ClientOptions {
  /** `"apiKeyHeader"` sends `X-Api-Key: aila_…` (default); `"bearer"` sends `Authorization: Bearer aila_…`. */
  auth?: AilabsauditAuth;
}

/** With `throwOnError: true` every call throws its failures, and its result's `data` is typed as present. */
export function createAilabsauditClient<Throws extends boolean = false>(
  options: AilabsauditClientOptions & ThrowOption<Throws> = {},
): AilabsauditClient<Throws> {
  const { auth = "apiKeyHeader", ...clientOptions } = options;
  const client = createVendorClient<paths>(ailabsaudit, clientOptions, auth);

  async function download(id: AilabsauditId, init: DownloadInit = {}): Promise<Download> {
    const result = await client.GET("/reports/{id}/download", {
      ...init,
      params: { path: { id: String(id) } },
      parseAs: "arrayBuffer",
    });
    return downloadFrom(result);
  }

  async function waitForAudit(id: AilabsauditId, waitOptions: WaitOptions<Audit> = {}): Promise<Audit> {
    const { polledState, waitForJob } = await loadPoll();
    const context = client.errorContext("getAudit (GET /audits/{id})");
    const fetchAudit = async (signal: AbortSignal) =>
      polledState<Audit>(await client.GET("/audits/{id}", { params: { path: { id: String(id) } }, signal }), context);
    return waitForJob(
      fetchAudit,
      {
        statusOf: auditStatus,
        done: AUDIT_DONE_STATUSES,
        failed: AUDIT_FAILED_STATUSES,
        describe: `${ailabsaudit.displayName} audit ${id}`,
        context,
      },
      waitOptions,
    );
  }

  return Object.assign(client, {
    paginate: (path: string, init?: object, bounds?: PageBounds) => client.paginateRaw(path, init as never, bounds),
    reports: { download },
    waitForAudit,
  }) as AilabsauditClient<Throws>;
}

// `scans.waitForCompletion`: the REST counterpart of the vendor SDK's `scan.wait_for_completion()`.
// Polls the lightweight status view the vendor provides for polling, then fetches the full scan
// once it has completed, so the caller gets findings counts, phases and timestamps in one value.
import type { components, paths } from "../../generated/aiptx/schema.js";
import type { VendorClient } from "../core/create-client.js";
import { polledState, waitForJob, type WaitOptions } from "../core/poll.js";

export type Scan = components["schemas"]["Scan"];
/** What each poll returns: status, progress (0–100), current phase, findings so far. */
export type ScanStatusView = components["schemas"]["ScanProgress"];
export type ScanWaitOptions = WaitOptions<ScanStatusView>;

/** Statuses after which a scan never changes again. */
export const SCAN_DONE = ["completed"] as const;
export const SCAN_FAILED = ["failed", "cancelled"] as const;

// Scans run from 15 min (quick) to 24 h (deep) and every poll spends the per-minute quota, so
// AIPTx waits poll gently and long by default (core's 5 s / 30 min would give up on most scans).
export const SCAN_POLL_INTERVAL_MS = 10_000;
export const SCAN_WAIT_TIMEOUT_MS = 24 * 60 * 60_000;

export async function waitForScan(
  client: VendorClient<paths>,
  scanId: string,
  options: ScanWaitOptions = {},
): Promise<Scan> {
  const path = { scan_id: scanId };
  return waitForJob(
    async (signal) =>
      polledState<ScanStatusView>(
        await client.GET("/scans/{scan_id}/status", { params: { path }, signal }),
        client.errorContext("getScanStatus (GET /scans/{scan_id}/status)"),
      ),
    {
      statusOf: (state) => state.status,
      done: SCAN_DONE,
      failed: SCAN_FAILED,
      describe: `AIPTx scan ${scanId}`,
      context: client.errorContext(`scans.waitForCompletion(${scanId})`),
    },
    {
      ...options,
      intervalMs: options.intervalMs ?? SCAN_POLL_INTERVAL_MS,
      timeoutMs: options.timeoutMs ?? SCAN_WAIT_TIMEOUT_MS,
    },
    // The full scan is fetched under the same deadline as the polls.
    async (_, signal) =>
      polledState<Scan>(await client.GET("/scans/{scan_id}", { params: { path }, signal }), client.errorContext("getScan (GET /scans/{scan_id})")),
  );
}

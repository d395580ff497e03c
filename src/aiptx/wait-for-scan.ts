// `scans.waitForCompletion`: the REST counterpart of the vendor SDK's `scan.wait_for_completion()`.
// Polls the lightweight status view the vendor provides for polling, then fetches the full scan
// once it has completed, so the caller gets findings counts, phases and timestamps in one value.
import type { components, paths } from "../../generated/aiptx/schema.js";
import type { VendorClient } from "../core/create-client.js";
import { JobFailedError } from "../core/errors.js";
import { loadPoll } from "../core/load-poll.js";
import type { WaitOptions } from "../core/poll.js";
import { sleep } from "../core/retry.js";

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
  const { polledState, waitForJob } = await loadPoll();
  const path = { scan_id: scanId };
  const intervalMs = options.intervalMs ?? SCAN_POLL_INTERVAL_MS;
  const context = client.errorContext(`scans.waitForCompletion(${scanId})`);
  const describe = `AIPTx scan ${scanId}`;
  /** The full scan while it still lags the status view (which already said completed). */
  let lagging: Scan | undefined;
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
      describe,
      context,
      finishing: () =>
        lagging && {
          where: `was not final yet: its status view says "completed", but GET /scans/${scanId} still said "${lagging.status}"`,
          state: lagging,
        },
    },
    { ...options, intervalMs, timeoutMs: options.timeoutMs ?? SCAN_WAIT_TIMEOUT_MS },
    // The full scan is fetched under the same deadline as the polls. The two views are not
    // updated at once: until the full scan is final too, it is fetched again each interval.
    async (_, signal) => {
      for (;;) {
        const scan = polledState<Scan>(
          await client.GET("/scans/{scan_id}", { params: { path }, signal }),
          client.errorContext("getScan (GET /scans/{scan_id})"),
        );
        if ((SCAN_DONE as readonly string[]).includes(scan.status)) return scan;
        if ((SCAN_FAILED as readonly string[]).includes(scan.status)) {
          throw new JobFailedError(`${describe} ended with status "${scan.status}". Inspect the error's \`state\` for the vendor's details.`, context, scan.status, scan);
        }
        lagging = scan;
        await sleep(intervalMs, signal);
      }
    },
  );
}

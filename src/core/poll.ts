// Polls a job until it reaches a terminal status: the shared loop behind `waitForAudit`,
// `scans.waitForCompletion` and the like. Each poll is an ordinary client call, so it goes
// through the client's rate limiter and retries.
import { JobFailedError, WaitTimeoutError, type ErrorContext } from "./errors.js";
import { sleep } from "./retry.js";

export interface WaitOptions<T> {
  /** Pause between polls. Default 5 000 ms. */
  intervalMs?: number;
  /** Give up after this long. Default 30 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with every state fetched, including the last. */
  onProgress?: (state: T) => void;
}

export interface JobRules<T> {
  /** The job's status, as the vendor writes it. */
  statusOf: (state: T) => string | null | undefined;
  /** Statuses that end the wait successfully. */
  done: readonly string[];
  /** Statuses that end the wait with a JobFailedError. */
  failed: readonly string[];
  /** "audit 42", for messages. */
  describe: string;
  context: ErrorContext;
}

export async function waitForJob<T>(fetchState: () => Promise<T>, rules: JobRules<T>, options: WaitOptions<T> = {}): Promise<T> {
  const intervalMs = options.intervalMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  if (!(intervalMs >= 0) || !(timeoutMs >= 0)) {
    throw new RangeError(`intervalMs and timeoutMs must be ≥ 0, got ${intervalMs} and ${timeoutMs}.`);
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const state = await fetchState();
    options.onProgress?.(state);
    const status = rules.statusOf(state) ?? "unknown";
    if (rules.done.includes(status)) return state;
    if (rules.failed.includes(status)) {
      throw new JobFailedError(
        `${rules.describe} ended with status "${status}". Inspect the error's \`state\` for the vendor's details, then start it again if needed.`,
        rules.context,
        status,
        state,
      );
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new WaitTimeoutError(
        `${rules.describe} was still "${status}" after ${timeoutMs} ms. It may still finish: wait longer (timeoutMs) or check it later.`,
        rules.context,
        state,
      );
    }
    await sleep(Math.min(intervalMs, left), options.signal);
  }
}

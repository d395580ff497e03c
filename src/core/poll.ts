// Polls a job until it reaches a terminal status: the shared loop behind `waitForAudit`,
// `scans.waitForCompletion` and the like. Each poll is an ordinary client call, so it goes
// through the client's rate limiter and retries.
import { describeValue } from "./option-checks.js";
import { ConfigurationError, JobFailedError, MalformedResponseError, snippet, WaitTimeoutError, type ErrorContext } from "./errors.js";
import { sleep } from "./retry.js";
import { redactValue } from "./redact.js";
import { MAX_TIMER_MS, untilAborted } from "./timeout.js";
import { unwrap } from "./unwrap.js";

export interface WaitOptions<T> {
  /** Pause between polls. Default 5 000 ms. */
  intervalMs?: number;
  /**
   * Give up after this long, counted over the whole wait: a poll still queued behind the rate
   * limiter or waiting out a Retry-After is aborted at the deadline. Default 30 minutes;
   * `Infinity` waits without a deadline.
   */
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
  /**
   * While `finish` is still waiting for the job's record to catch up: how it stands, for the
   * deadline's WaitTimeoutError (its message after `describe`, and the state it holds).
   */
  finishing?: () => { where: string; state: unknown } | undefined;
}

function checkDelay(name: string, value: unknown, infinityAllowed: boolean, context: ErrorContext): void {
  if (typeof value === "number" && value >= 0 && (value <= MAX_TIMER_MS || (infinityAllowed && value === Infinity))) return;
  throw new ConfigurationError(
    `${context.displayName ?? context.vendor} wait: ${name} must be between 0 and ${MAX_TIMER_MS} ms (about 24.8 days)` +
      `${infinityAllowed ? ", or Infinity for no deadline" : ""}, got ${describeValue(value)}.`,
    context,
  );
}

/**
 * Polls `fetchState` until the job is done (then resolves with `finish(state)`, or the state),
 * failed (JobFailedError) or out of time (WaitTimeoutError). Both callbacks get a signal that
 * aborts at the deadline or when the caller's signal does; they hand it to their requests, so
 * nothing keeps running after the wait has ended.
 */
export async function waitForJob<T, R = T>(
  fetchState: (signal: AbortSignal) => Promise<T>,
  rules: JobRules<T>,
  options: WaitOptions<T> = {},
  finish?: (state: T, signal: AbortSignal) => Promise<R>,
): Promise<R> {
  const intervalMs = options.intervalMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  checkDelay("intervalMs", intervalMs, false, rules.context);
  checkDelay("timeoutMs", timeoutMs, true, rules.context);
  let last: { state: T; status: string } | undefined;
  const deadline = new AbortController();
  const timer =
    timeoutMs === Infinity
      ? undefined
      : setTimeout(() => {
          const late = rules.finishing?.();
          const where = late?.where ?? (last ? `was still "${last.status}"` : "had not answered its first poll");
          const message = `${rules.describe} ${where} after ${timeoutMs} ms. It may still finish: wait longer (timeoutMs) or check it later.`;
          deadline.abort(new WaitTimeoutError(message, rules.context, late ? late.state : last?.state));
        }, timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  try {
    for (;;) {
      signal.throwIfAborted();
      // Raced against the signal too: a transport that ignores it (never answers) cannot hold the wait.
      const state = await untilAborted(fetchState(signal), signal);
      const status = rules.statusOf(state) ?? "unknown";
      last = { state, status };
      options.onProgress?.(state);
      if (rules.done.includes(status)) return finish ? await untilAborted(finish(state, signal), signal) : (state as unknown as R);
      if (rules.failed.includes(status)) {
        throw new JobFailedError(
          `${rules.describe} ended with status "${status}". Inspect the error's \`state\` for the vendor's details, then start it again if needed.`,
          rules.context,
          status,
          state,
        );
      }
      await sleep(intervalMs, signal);
    }
  } catch (error) {
    // Whatever the deadline interrupted (a sleep, a limiter queue, a request), the wait timed out.
    if (deadline.signal.aborted && !options.signal?.aborted) throw deadline.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

type PollResult = { data?: unknown; error?: unknown; response: Response; requestId?: string };

/**
 * The job inside a `{ data: … }` answer. A 2xx without a `data` object (a proxy's `{}`, a changed
 * envelope) is a MalformedResponseError naming the operation, not a TypeError further on.
 */
export function polledState<T>(result: PollResult, context: ErrorContext): T {
  const body = unwrap(result);
  const state = (body as { data?: unknown } | null | undefined)?.data;
  if (state !== null && typeof state === "object") return state as T;
  const requestId = result.requestId ?? context.requestId;
  // Redacted (and depth-bounded) before the cut: a key across the 200th character leaves no prefix.
  const text = snippet(JSON.stringify(redactValue(body, context.redact ?? String)) ?? "", context.redact);
  throw new MalformedResponseError(
    `${context.displayName ?? context.vendor} answered ${context.operation} with HTTP ${result.response.status} but without ` +
      `the \`data\` object that holds the job's state. Retry later; if it persists, report it with request id ${requestId ?? "unknown"}. ` +
      `Body starts: ${JSON.stringify(text)}`,
    { ...context, requestId, status: result.response.status, body: text },
  );
}

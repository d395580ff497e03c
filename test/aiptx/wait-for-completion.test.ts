// `scans.waitForCompletion` polls GET /scans/{id}/status until the scan ends: it returns the full
// scan once completed, throws JobFailedError for failed and cancelled, WaitTimeoutError when the
// wait runs out, and stops early on abort. Scripted answers come from an injected fetch.
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { loadLazyModules, onFakeClock } from "../helpers.js";
import { JobFailedError, MalformedResponseError, NotFoundError, WaitTimeoutError } from "../../src/index.js";
import { aiptx, createAiptxClient, SCAN_POLL_INTERVAL_MS, type ScanStatusView } from "../../src/aiptx/index.js";

const scan_id = "scan_wait123";
type Status = ScanStatusView["status"];

const view = (status: Status, progress: number): ScanStatusView => ({
  id: scan_id,
  status,
  progress,
  current_phase: progress < 50 ? "reconnaissance" : "exploit_validation",
  findings_count: { critical: 0, high: 1, medium: 2, low: progress > 50 ? 4 : 0 },
});

const finishedScan = {
  id: scan_id,
  target: "https://app.example.com",
  mode: "quick",
  status: "completed",
  progress: 100,
  findings_count: { critical: 0, high: 1, medium: 2, low: 4 },
  created_at: "2024-01-15T10:30:00Z",
  started_at: "2024-01-15T10:31:00Z",
  completed_at: "2024-01-15T10:52:00Z",
};

/** A scripted answer: a status view (sent in the envelope) or a whole response. */
type Answer = ScanStatusView | (() => Response);

/**
 * Answers the status polls with `states` in turn (the last one repeats) and GET /scans/{id} with
 * `scan` (the finished scan unless given).
 */
function scripted(states: Answer[], options: { scan?: () => Response; validate?: "strict" | "off" } = {}) {
  const paths: string[] = [];
  let next = 0;
  const answer = (a: Answer) => (typeof a === "function" ? a() : Response.json({ success: true, data: a }));
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(new Request(input, init).url);
    paths.push(url.pathname);
    if (url.pathname === `/v1/scans/${scan_id}/status`) return answer(states[Math.min(next++, states.length - 1)]!);
    if (url.pathname === `/v1/scans/${scan_id}`) return options.scan?.() ?? Response.json({ success: true, data: finishedScan });
    return Response.json({ success: false, error: { code: "NOT_FOUND", message: "Scan not found" } }, { status: 404 });
  };
  const client = createAiptxClient({ apiKey: "aiptx_wait_test_key", fetch, validate: options.validate ?? "strict", rateLimit: false });
  return { client, paths, polls: () => paths.filter((p) => p.endsWith("/status")).length };
}

/** A 429 asking for a 50 s pause, which the client's retry waits out (it is under maxRetryWaitMs). */
const tooManyRequests = () =>
  Response.json({ success: false, error: { code: "RATE_LIMITED", message: "slow down" } }, { status: 429, headers: { "Retry-After": "50" } });

// The lazy modules (checks, zod schemas, the poll loop …) load by dynamic import: real file I/O,
// which a fake clock cannot advance.
const onClock = (body: () => Promise<void>) => onFakeClock(() => loadLazyModules(aiptx), body);

const fast = { intervalMs: 1, timeoutMs: 5_000 };

describe("scans.waitForCompletion", () => {
  it("follows queued → running → completed, reporting rising progress, and returns the full scan", async () => {
    const { client, paths, polls } = scripted([view("queued", 0), view("running", 20), view("running", 65), view("completed", 100)]);
    const seen: Array<[Status, number]> = [];
    const scan = await client.scans.waitForCompletion(scan_id, { ...fast, onProgress: (s) => seen.push([s.status, s.progress]) });
    expect(seen).toEqual([
      ["queued", 0],
      ["running", 20],
      ["running", 65],
      ["completed", 100],
    ]);
    expect(polls()).toBe(4);
    expect(paths.at(-1)).toBe(`/v1/scans/${scan_id}`);
    expect(scan).toEqual(finishedScan);
  });

  it("when GET /scans/{id} lags the status view, re-fetches it until it says completed, and never returns a running scan", async () => {
    const lagging = [{ ...finishedScan, status: "running", progress: 95, completed_at: undefined }, { ...finishedScan, status: "running", progress: 99 }];
    let fetched = 0;
    const scan = () => Response.json({ success: true, data: fetched < lagging.length ? lagging[fetched++] : (fetched++, finishedScan) });
    const { client, paths } = scripted([view("completed", 100)], { scan, validate: "off" });
    const result = await client.scans.waitForCompletion(scan_id, fast);
    expect(result).toEqual(finishedScan);
    expect(fetched).toBe(3);
    expect(paths.filter((p) => p === `/v1/scans/${scan_id}`)).toHaveLength(3);
  });

  it("when GET /scans/{id} still says running at the deadline: WaitTimeoutError saying so, holding that scan (on a fake clock)", () =>
    onClock(async () => {
      const running = { ...finishedScan, status: "running", progress: 99 };
      const { client } = scripted([view("completed", 100)], { scan: () => Response.json({ success: true, data: running }), validate: "off" });
      const waiting = client.scans.waitForCompletion(scan_id, { intervalMs: 1_000, timeoutMs: 5_000 }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5_000);
      const error = (await waiting) as WaitTimeoutError;
      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect(error.message).toMatch(/scan_wait123 .*status view says "completed", but GET \/scans\/scan_wait123 still said "running"/);
      expect(error.state).toEqual(running);
    }));

  for (const ending of ["failed", "cancelled"] as const) {
    it(`throws JobFailedError when the scan ends ${ending}, and polls no further`, async () => {
      const { client, paths, polls } = scripted([view("running", 40), view(ending, 40), view("completed", 100)]);
      const error = await client.scans.waitForCompletion(scan_id, fast).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JobFailedError);
      const failure = error as JobFailedError;
      expect(failure.status).toBe(ending);
      expect(failure.state).toMatchObject({ id: scan_id, status: ending });
      expect(failure.vendor).toBe("aiptx");
      expect(failure.message).toContain(scan_id);
      expect(failure.message).toContain(ending);
      expect(polls()).toBe(2);
      expect(paths.every((p) => p.endsWith("/status"))).toBe(true);
    });
  }

  it("throws WaitTimeoutError holding the last state when the scan is still running at timeoutMs (on a fake clock)", () =>
    onClock(async () => {
      const { client, polls } = scripted([view("running", 10)]);
      const waiting = client.scans.waitForCompletion(scan_id, { intervalMs: 1_000, timeoutMs: 5_000 }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(4_999);
      expect(polls()).toBe(5);
      await vi.advanceTimersByTimeAsync(1);
      const error = await waiting;
      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect((error as WaitTimeoutError).state).toMatchObject({ status: "running", progress: 10 });
      expect((error as WaitTimeoutError).message).toContain('still "running" after 5000 ms');
      expect(polls()).toBe(5); // the poll the 5 000 ms pause would have led to is never sent
    }));

  it("stops when the caller's signal aborts, with the signal's reason", async () => {
    const { client, polls } = scripted([view("running", 10)]);
    const controller = new AbortController();
    const reason = new Error("user left the page");
    const error = await client.scans
      .waitForCompletion(scan_id, { intervalMs: 1, timeoutMs: 60_000, signal: controller.signal, onProgress: () => controller.abort(reason) })
      .catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(polls()).toBe(1);
  });

  it("a scan that does not exist fails at once with NotFoundError", async () => {
    const { client } = scripted([]);
    await expect(client.scans.waitForCompletion("scan_missing", fast)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("polls gently by default: one status request per 10 s (on a fake clock)", () =>
    onClock(async () => {
      const { client, polls } = scripted([view("running", 10), view("running", 50), view("completed", 100)]);
      const done = client.scans.waitForCompletion(scan_id);
      await vi.advanceTimersByTimeAsync(SCAN_POLL_INTERVAL_MS - 1);
      expect(polls()).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(polls()).toBe(2);
      await vi.advanceTimersByTimeAsync(SCAN_POLL_INTERVAL_MS);
      expect((await done).status).toBe("completed");
      expect(polls()).toBe(3);
    }));
  it("the deadline bounds a poll stuck in a Retry-After wait: WaitTimeoutError at timeoutMs, not 50 s later (on a fake clock)", () =>
    onClock(async () => {
      const { client, polls } = scripted([view("running", 10), tooManyRequests]);
      let settled: unknown;
      void client.scans.waitForCompletion(scan_id, { intervalMs: 100, timeoutMs: 1_000 }).catch((e: unknown) => (settled = e));
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBeUndefined();
      expect(polls()).toBe(2); // the second is waiting out its Retry-After
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBeInstanceOf(WaitTimeoutError);
      expect((settled as WaitTimeoutError).message).toContain(`AIPTx scan ${scan_id} was still "running" after 1000 ms`);
      expect((settled as WaitTimeoutError).state).toMatchObject({ status: "running", progress: 10 });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(polls()).toBe(2); // nothing was sent after the deadline
    }));

  it("the deadline also bounds the fetch of the full scan once the status says completed (on a fake clock)", () =>
    onClock(async () => {
      const { client, paths } = scripted([view("completed", 100)], { scan: tooManyRequests });
      let settled: unknown;
      void client.scans.waitForCompletion(scan_id, { timeoutMs: 1_000 }).catch((e: unknown) => (settled = e));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(settled).toBeInstanceOf(WaitTimeoutError);
      expect(paths).toEqual([`/v1/scans/${scan_id}/status`, `/v1/scans/${scan_id}`]);
    }));

  it("a 200 status answer without `data` is a MalformedResponseError naming the operation", async () => {
    const { client } = scripted([() => Response.json({ success: true })], { validate: "off" });
    const error = await client.scans.waitForCompletion(scan_id, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as MalformedResponseError).operation).toBe("getScanStatus (GET /scans/{scan_id}/status)");
    expect((error as MalformedResponseError).message).toContain("AIPTx answered getScanStatus (GET /scans/{scan_id}/status) with HTTP 200 but without the `data` object");
  });

  it("a 200 full-scan answer without `data` is a MalformedResponseError too", async () => {
    const { client } = scripted([view("completed", 100)], { validate: "off", scan: () => Response.json({ success: true, data: null }) });
    const error = await client.scans.waitForCompletion(scan_id, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as MalformedResponseError).operation).toBe("getScan (GET /scans/{scan_id})");
  });

  it("a job error never carries the key, even when the scan state echoes it", async () => {
    const key = "aiptx_wait_test_key";
    const echo = { ...view("failed", 40), error_message: `target refused the token ${key}` };
    const { client } = scripted([echo], { validate: "off" });
    const failure = (await client.scans.waitForCompletion(scan_id, fast).catch((e: unknown) => e)) as JobFailedError;
    expect(failure).toBeInstanceOf(JobFailedError);
    expect(JSON.stringify(failure.state)).toContain("[redacted]");
    for (const text of [failure.message, JSON.stringify(failure), JSON.stringify(failure.state), inspect(failure, { depth: 10 })]) {
      expect(text).not.toContain(key);
    }
  });

  it("a malformed poll answer that echoes the key keeps it out of the error", async () => {
    const key = "aiptx_wait_test_key";
    const { client } = scripted([() => Response.json({ success: true, detail: `key ${key}` })], { validate: "off" });
    const error = await client.scans.waitForCompletion(scan_id, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(key);
  });
});

// `scans.waitForCompletion` polls GET /scans/{id}/status until the scan ends: it returns the full
// scan once completed, throws JobFailedError for failed and cancelled, WaitTimeoutError when the
// wait runs out, and stops early on abort. Scripted answers come from an injected fetch.
import { describe, expect, it, vi } from "vitest";
import { JobFailedError, NotFoundError, WaitTimeoutError } from "../../src/index.js";
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

/** Answers the status polls with `states` in turn (the last one repeats) and GET /scans/{id} with the finished scan. */
function scripted(states: ScanStatusView[]) {
  const paths: string[] = [];
  let next = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(new Request(input, init).url);
    paths.push(url.pathname);
    if (url.pathname === `/v1/scans/${scan_id}/status`) {
      const state = states[Math.min(next++, states.length - 1)]!;
      return Response.json({ success: true, data: state });
    }
    if (url.pathname === `/v1/scans/${scan_id}`) return Response.json({ success: true, data: finishedScan });
    return Response.json({ success: false, error: { code: "NOT_FOUND", message: "Scan not found" } }, { status: 404 });
  };
  const client = createAiptxClient({ apiKey: "aiptx_wait_test_key", fetch, validate: "strict", rateLimit: false });
  return { client, paths, polls: () => paths.filter((p) => p.endsWith("/status")).length };
}

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

  it("throws WaitTimeoutError holding the last state when the scan is still running at timeoutMs (on a fake clock)", async () => {
    // The zod schemas load by dynamic import (real file I/O, which a fake clock cannot advance).
    await aiptx.loadValidators();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const { client, polls } = scripted([view("running", 10)]);
      const waiting = client.scans.waitForCompletion(scan_id, { intervalMs: 1_000, timeoutMs: 5_000 }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(4_999);
      expect(polls()).toBe(5);
      await vi.advanceTimersByTimeAsync(1_001);
      const error = await waiting;
      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect((error as WaitTimeoutError).state).toMatchObject({ status: "running", progress: 10 });
      expect((error as WaitTimeoutError).message).toContain("running");
      expect(polls()).toBeLessThanOrEqual(6);
    } finally {
      vi.useRealTimers();
    }
  });

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

  it("polls gently by default: one status request per 10 s (on a fake clock)", async () => {
    // The zod schemas load by dynamic import (real file I/O, which a fake clock cannot advance).
    await aiptx.loadValidators();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const { client, polls } = scripted([view("running", 10), view("running", 50), view("completed", 100)]);
      const done = client.scans.waitForCompletion(scan_id);
      await vi.advanceTimersByTimeAsync(SCAN_POLL_INTERVAL_MS - 1);
      expect(polls()).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(polls()).toBe(2);
      await vi.advanceTimersByTimeAsync(SCAN_POLL_INTERVAL_MS);
      expect((await done).status).toBe("completed");
      expect(polls()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

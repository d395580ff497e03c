// `waitForAudit` polls GET /audits/{id} through the client until the audit is completed, fails or
// the wait times out; every state reaches onProgress, and each poll waits for the rate limiter.
import { describe, expect, it, vi } from "vitest";
import { JobFailedError, MalformedResponseError, WaitTimeoutError } from "../../src/index.js";
import { ailabsaudit, createAilabsauditClient, type Audit } from "../../src/ailabsaudit/index.js";
import { loadLazyModules, mockUrl, onFakeClock } from "../helpers.js";

const apiKey = "aila_wait_test_key";

/** What a promise rejects with (fails the test if it resolves). */
async function rejectionOf<E>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error("expected the wait to fail");
    },
    (error: unknown) => error as E,
  );
}

function audit(status: string | null, extra: Partial<Audit> = {}): Audit {
  return { id: 1288, client_id: 42, status, score: null, completed_at: null, created_at: "2025-03-03T14:02:11Z", ...extra };
}

/** A client whose GET /audits/{id} answers the scripted audits in order, repeating the last. */
function scripted(states: Audit[], options: { rateLimit?: { requests: number; windowMs: number } } = {}) {
  const requested: string[] = [];
  const client = createAilabsauditClient({
    apiKey,
    baseUrl: "http://127.0.0.1:9",
    validate: "strict",
    rateLimit: options.rateLimit ?? false,
    fetch: async (input, init) => {
      requested.push(new URL(new Request(input, init).url).pathname);
      const state = states[Math.min(requested.length - 1, states.length - 1)]!;
      return Response.json({ success: true, data: state });
    },
  });
  return { client, requested };
}

/** Runs `body` on a fake clock, after loading the lazy modules (checks, zod schemas, the poll loop …) for real. */
const fakeClock = (body: () => Promise<void>) => onFakeClock(() => loadLazyModules(ailabsaudit), body);

describe("AILabsAudit waitForAudit", () => {
  it("follows pending → running → completed, showing each state to onProgress", async () => {
    const { client, requested } = scripted([
      audit("pending"),
      audit("running"),
      audit("completed", { score: 67.5, completed_at: "2025-03-03T14:20:00Z" }),
    ]);
    const seen: (string | null | undefined)[] = [];
    const done = await client.waitForAudit(1288, { intervalMs: 1, onProgress: (a) => seen.push(a.status) });
    expect(seen).toEqual(["pending", "running", "completed"]);
    expect(done.score).toBe(67.5);
    expect(requested).toEqual(["/audits/1288", "/audits/1288", "/audits/1288"]);
  });

  it("a failed audit ends the wait with JobFailedError carrying the status and the audit", async () => {
    const { client } = scripted([audit("pending"), audit("failed")]);
    const error = await rejectionOf<JobFailedError>(client.waitForAudit("1288", { intervalMs: 1 }));
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.status).toBe("failed");
    expect((error.state as Audit).id).toBe(1288);
    expect(error.message).toContain("audit 1288");
  });

  it("cancelled and error are failures too, whatever their case", async () => {
    for (const status of ["cancelled", "ERROR"]) {
      const { client } = scripted([audit(status)]);
      await expect(client.waitForAudit(1, { intervalMs: 1 })).rejects.toMatchObject({ status: status.toLowerCase() });
    }
  });

  it("an undocumented final status with completed_at filled in ends the wait successfully", async () => {
    const { client, requested } = scripted([audit("in_progress"), audit("finished", { completed_at: "2025-03-03T14:20:00Z" })]);
    const done = await client.waitForAudit(1288, { intervalMs: 1 });
    expect(done.status).toBe("finished");
    expect(requested).toHaveLength(2);
  });

  it("an audit still running at timeoutMs gives WaitTimeoutError with the last state (on a fake clock)", () =>
    // On a real clock a loaded machine may not answer the first poll within 20 ms (then no state).
    fakeClock(async () => {
      const { client, requested } = scripted([audit("running")]);
      const waiting = rejectionOf<WaitTimeoutError>(client.waitForAudit(1288, { intervalMs: 2, timeoutMs: 20 }));
      await vi.advanceTimersByTimeAsync(20);
      const error = await waiting;
      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect((error.state as Audit).status).toBe("running");
      expect(error.message).toContain("running");
      expect(requested.every((path) => path === "/audits/1288")).toBe(true);
    }));

  it("each poll takes a rate-limiter slot: with one request per window the second poll waits, until aborted (on a fake clock)", () =>
    fakeClock(async () => {
      const { client, requested } = scripted([audit("running")], { rateLimit: { requests: 1, windowMs: 600_000 } });
      const controller = new AbortController();
      const reason = new Error("stopped by the test");
      let settled = false;
      const wait = client.waitForAudit(1288, { intervalMs: 1, signal: controller.signal }).finally(() => (settled = true));
      wait.catch(() => {}); // asserted below, once aborted
      // A minute on the clock: long past the 1 ms interval, well inside the ten-minute window.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(settled).toBe(false);
      expect(requested).toHaveLength(1);
      controller.abort(reason);
      await expect(wait).rejects.toBe(reason);
      expect(requested).toHaveLength(1);
    }));

  it("launch then wait against Prism: the mock's audit is already completed", async () => {
    const client = createAilabsauditClient({ apiKey, baseUrl: mockUrl("ailabsaudit"), validate: "strict", rateLimit: false });
    const { data: launched } = await client.POST("/audits/launch", { body: { client_id: 42 } });
    const seen: Audit[] = [];
    const done = await client.waitForAudit(launched!.data.id, { intervalMs: 1, onProgress: (a) => seen.push(a) });
    expect(done.status).toBe("completed");
    expect(seen).toHaveLength(1);
  });
  it("the deadline bounds a poll queued behind the rate limiter: WaitTimeoutError at timeoutMs (on a fake clock)", () =>
    fakeClock(async () => {
      // One request per ten minutes: the second poll queues for the limiter's next slot.
      const { client, requested } = scripted([audit("running")], { rateLimit: { requests: 1, windowMs: 600_000 } });
      let settled: unknown;
      void client.waitForAudit(1288, { intervalMs: 100, timeoutMs: 1_000 }).catch((e: unknown) => (settled = e));
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBeInstanceOf(WaitTimeoutError);
      expect((settled as WaitTimeoutError).message).toContain('AILabsAudit audit 1288 was still "running" after 1000 ms');
      await vi.advanceTimersByTimeAsync(700_000);
      expect(requested).toHaveLength(1); // the queued poll was dropped, not sent later
    }));

  it("a 200 answer without `data` is a MalformedResponseError naming getAudit, not a TypeError", async () => {
    const client = createAilabsauditClient({
      apiKey,
      baseUrl: "http://127.0.0.1:9",
      rateLimit: false,
      onValidationError: () => {},
      fetch: async () => Response.json({ success: true }),
    });
    const error = await rejectionOf<MalformedResponseError>(client.waitForAudit(1288, { intervalMs: 1 }));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.operation).toBe("getAudit (GET /audits/{id})");
    expect(error.message).toContain("AILabsAudit answered getAudit (GET /audits/{id}) with HTTP 200 but without the `data` object");
  });
});

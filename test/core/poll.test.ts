// waitForJob: the deadline bounds the whole wait, the poll in flight included; the caller's abort
// keeps its own reason; timer values a Node timer cannot hold are refused; a poll answer without
// its `data` object is a typed error naming the operation.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, MalformedResponseError, WaitTimeoutError } from "../../src/index.js";
import { polledState, waitForJob, type JobRules } from "../../src/core/poll.js";

type Job = { status: string };
const rules: JobRules<Job> = {
  statusOf: (job) => job.status,
  done: ["done"],
  failed: ["failed"],
  describe: "job 7",
  context: { vendor: "acme", displayName: "Acme", operation: "jobs.wait(7)" },
};

/** A poll that answers only when `answer` is called, and rejects with the signal's reason on abort. */
function pendingPoll() {
  const signals: AbortSignal[] = [];
  const fetchState = (signal: AbortSignal) =>
    new Promise<Job>((_, reject) => {
      signals.push(signal);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  return { fetchState, signals };
}

describe("waitForJob deadline", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("aborts a poll still in flight at timeoutMs and rejects then, with the real timeout in the message", async () => {
    const { fetchState, signals } = pendingPoll();
    let settled: unknown;
    void waitForJob(fetchState, rules, { intervalMs: 100, timeoutMs: 1_000 }).catch((e: unknown) => (settled = e));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBeUndefined();
    expect(signals[0]!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeInstanceOf(WaitTimeoutError);
    expect((settled as WaitTimeoutError).message).toBe(
      "job 7 had not answered its first poll after 1000 ms. It may still finish: wait longer (timeoutMs) or check it later.",
    );
    expect((settled as WaitTimeoutError).state).toBeUndefined();
    expect(signals[0]!.aborted).toBe(true);
  });

  it("ends at timeoutMs even when the poll ignores its signal and never settles (a transport that never answers)", async () => {
    let settled: unknown;
    void waitForJob(() => new Promise<Job>(() => {}), rules, { timeoutMs: 1_000 }).catch((e: unknown) => (settled = e));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeInstanceOf(WaitTimeoutError);
  });

  it("a timeout after some polls names the last status and carries the last state", async () => {
    let polls = 0;
    const slowSecond = (signal: AbortSignal) =>
      ++polls === 1 ? Promise.resolve({ status: "running" }) : pendingPoll().fetchState(signal);
    const waiting = waitForJob(slowSecond, rules, { intervalMs: 100, timeoutMs: 1_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = (await waiting) as WaitTimeoutError;
    expect(error.message).toContain('job 7 was still "running" after 1000 ms');
    expect(error.state).toEqual({ status: "running" });
    expect(polls).toBe(2);
  });

  it("the caller's abort wins with its own reason, before the deadline", async () => {
    const { fetchState } = pendingPoll();
    const controller = new AbortController();
    const reason = new Error("user gave up");
    const waiting = waitForJob(fetchState, rules, { timeoutMs: 1_000, signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    expect(await waiting).toBe(reason);
  });

  it("leaves no timer behind once the job is done", async () => {
    const done = await waitForJob(async () => ({ status: "done" }), rules, { timeoutMs: 60_000 });
    expect(done).toEqual({ status: "done" });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("waitForJob timer values", () => {
  it("refuses a timeoutMs or intervalMs a Node timer would cut to 1 ms, and negative ones", async () => {
    const poll = async () => ({ status: "done" });
    await expect(waitForJob(poll, rules, { timeoutMs: 2 ** 31 })).rejects.toThrow(/timeoutMs must be between 0 and 2147483647 ms .*or Infinity/);
    await expect(waitForJob(poll, rules, { intervalMs: 2 ** 31 })).rejects.toThrow(/intervalMs must be between 0 and 2147483647 ms/);
    await expect(waitForJob(poll, rules, { timeoutMs: -1 })).rejects.toThrow(ConfigurationError);
    await expect(waitForJob(poll, rules, { timeoutMs: Number.NaN })).rejects.toThrow(ConfigurationError);
  });

  it("timeoutMs: Infinity waits without a deadline", async () => {
    expect(await waitForJob(async () => ({ status: "done" }), rules, { timeoutMs: Infinity })).toEqual({ status: "done" });
  });
});

describe("polledState", () => {
  const context = { vendor: "acme", displayName: "Acme", operation: "getJob (GET /jobs/{id})" };
  const answer = (body: unknown) => ({ data: body, response: new Response(null, { status: 200 }), requestId: "req-1" });

  it("returns the `data` object of the envelope", () => {
    expect(polledState(answer({ data: { status: "running" } }), context)).toEqual({ status: "running" });
  });

  for (const [what, body] of [["an empty object", {}], ["`data: null`", { data: null }], ["no body", undefined], ["a string `data`", { data: "ok" }]] as const) {
    it(`a 200 with ${what} is a MalformedResponseError naming the operation`, () => {
      const error = (() => {
        try {
          polledState(answer(body), context);
        } catch (e) {
          return e;
        }
      })() as MalformedResponseError;
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(error.message).toContain("Acme answered getJob (GET /jobs/{id}) with HTTP 200 but without the `data` object");
      expect(error.operation).toBe("getJob (GET /jobs/{id})");
      expect(error.requestId).toBe("req-1");
      expect(error.status).toBe(200);
    });
  }
});

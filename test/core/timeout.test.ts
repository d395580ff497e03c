// The per-attempt signal: it fires on the caller's abort or when the attempt's time is up, and
// once released it leaves nothing behind on the caller's signal.
import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { attemptSignal, onAbort, untilAborted } from "../../src/core/timeout.js";

describe("attemptSignal", () => {
  it("aborts with a TimeoutError when the time is up, and says so", async () => {
    const attempt = attemptSignal(new AbortController().signal, 20);
    await new Promise((resolve) => attempt.signal.addEventListener("abort", resolve));
    expect(attempt.timedOut()).toBe(true);
    expect((attempt.signal.reason as DOMException).name).toBe("TimeoutError");
    attempt.release();
  });

  it("follows the caller's abort with the caller's reason, without counting it as a timeout", () => {
    const caller = new AbortController();
    const attempt = attemptSignal(caller.signal, 10_000);
    caller.abort(new Error("user cancelled"));
    expect(attempt.signal.aborted).toBe(true);
    expect((attempt.signal.reason as Error).message).toBe("user cancelled");
    expect(attempt.timedOut()).toBe(false);
    attempt.release();
  });

  it("starts aborted when the caller already aborted", () => {
    const caller = new AbortController();
    caller.abort();
    expect(attemptSignal(caller.signal, 10_000).signal.aborted).toBe(true);
  });

  it("release removes its listener from the caller's signal and stops the timer (on a fake clock)", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const caller = new AbortController().signal;
      const attempts = Array.from({ length: 5 }, () => attemptSignal(caller, 20));
      expect(getEventListeners(caller, "abort")).toHaveLength(5);
      for (const attempt of attempts) attempt.release();
      expect(getEventListeners(caller, "abort")).toHaveLength(0);
      // Twice the attempts' 20 ms goes by: a timer release left armed would have fired.
      vi.advanceTimersByTime(40);
      expect(attempts.some((a) => a.signal.aborted || a.timedOut())).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

// What waits on an attempt inside the client (a fetch that may never settle, a body being read)
// is settled by the attempt itself, not by event listeners on its signal (cheaper on Node 20).
describe("untilAborted on an attempt's signal", () => {
  const never = new Promise<never>(() => {});

  it("rejects with the TimeoutError when the attempt's time is up, without a listener on the signal", async () => {
    const attempt = attemptSignal(undefined, 20);
    const waiting = untilAborted(never, attempt.signal);
    expect(getEventListeners(attempt.signal, "abort")).toHaveLength(0);
    await expect(waiting).rejects.toMatchObject({ name: "TimeoutError" });
    attempt.release();
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const caller = new AbortController();
    const attempt = attemptSignal(caller.signal, 10_000);
    const waiting = untilAborted(never, attempt.signal);
    caller.abort(new Error("user cancelled"));
    await expect(waiting).rejects.toThrow("user cancelled");
    attempt.release();
  });

  it("forgets a handler once its work settled, and runs each waiting one once", () => {
    const caller = new AbortController();
    const attempt = attemptSignal(caller.signal, 10_000);
    const settled = vi.fn();
    const waiting = vi.fn();
    onAbort(attempt.signal, settled)();
    onAbort(attempt.signal, waiting);
    caller.abort();
    caller.abort();
    expect(settled).not.toHaveBeenCalled();
    expect(waiting).toHaveBeenCalledOnce();
    attempt.release();
  });

  it("listens on any other signal, and stops listening when its work settles", async () => {
    const other = new AbortController();
    const done = untilAborted(Promise.resolve("answer"), other.signal);
    expect(getEventListeners(other.signal, "abort")).toHaveLength(1);
    await expect(done).resolves.toBe("answer");
    expect(getEventListeners(other.signal, "abort")).toHaveLength(0);
    const waiting = untilAborted(never, other.signal);
    other.abort(new Error("stopped"));
    await expect(waiting).rejects.toThrow("stopped");
  });
});

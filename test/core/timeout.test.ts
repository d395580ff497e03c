// The per-attempt signal: it fires on the caller's abort or when the attempt's time is up, and
// once released it leaves nothing behind on the caller's signal.
import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { attemptSignal } from "../../src/core/timeout.js";

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

// Shared test helpers: the Prism URLs the global setup started, a fetch and a logger that record what
// they see, and ways to wait for an event or run on a fake clock instead of waiting for time.
import { inject, vi } from "vitest";
import type { VendorDescription } from "../src/core/vendor.js";

export function mockUrl(vendor: string): string {
  const url = inject("prism")[vendor];
  if (!url) throw new Error(`no Prism mock was started for ${vendor}`);
  return url;
}

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  status?: number;
}

/** Wraps the global fetch and keeps every request it sends. */
export function recordingFetch(inner: typeof fetch = globalThis.fetch) {
  const calls: RecordedCall[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input as Request, init);
    const call: RecordedCall = { method: request.method, url: new URL(request.url), headers: request.headers };
    calls.push(call);
    const response = await inner(request);
    call.status = response.status;
    return response;
  };
  return { fetch: fetchImpl, calls };
}

/**
 * A logger that keeps every line as `message {details}` and tells a test when a line it waits for
 * is written: the test waits for what the client did, never for an amount of time.
 */
export function recordingLogger() {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const write = (message: string, details?: object) => {
    const line = `${message} ${JSON.stringify(details)}`;
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  };
  /** The first line matching `pattern`, already written or still to come. */
  const logged = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) resolve(seen);
      else waiters.push({ pattern, resolve });
    });
  return { logger: { debug: write, warn: write }, lines, logged };
}

/**
 * Resolves once `condition()` holds, checked every 10 ms on real timers (not under a fake clock).
 * No deadline of its own: the test's timeout bounds the wait, so a slow machine waits longer
 * instead of failing.
 */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * Every module a client of `vendor` loads by dynamic import on its calls and waits (its checks,
 * zod's schemas, the validation tiers, the poll loop, the deprecation parser): file I/O, which a
 * fake clock cannot advance, so tests on one load them first.
 */
export function loadLazyModules(vendor: VendorDescription): Promise<unknown> {
  return Promise.all([
    vendor.loadPrecompiled?.(),
    vendor.loadValidators(),
    import("../src/core/validator-tiers.js"),
    import("../src/core/poll.js"),
    import("../src/core/deprecation.js"),
  ]);
}

/**
 * Runs `body` on a fake clock (timers and Date) once `ready` has finished for real: file I/O such
 * as loading the zod schemas by dynamic import is something a fake clock cannot advance.
 */
export async function onFakeClock(ready: () => Promise<unknown>, body: () => Promise<void>): Promise<void> {
  await ready();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
  try {
    await body();
  } finally {
    vi.useRealTimers();
  }
}

/**
 * A fast-check seed: the one in `process.env[name]` to replay a failure, else a fresh one. Tests
 * put it in their names and failure messages, so a failing run says how to replay it.
 */
export function propertySeed(name: string): number {
  const given = process.env[name];
  return given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
}

/** What `run` throws (synchronously), or undefined: for asserting on an error's class and fields. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

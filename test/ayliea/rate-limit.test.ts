// By default the client keeps to Ayliea's published 60 requests per minute per key: a burst of
// 61 sends 60 at once and holds the 61st until the window frees up (fake clock, no real waits).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ayliea, createAylieaClient } from "../../src/ayliea/index.js";
import { loadLazyModules } from "../helpers.js";
import { TEST_KEY } from "./support.js";

describe("Ayliea default rate limit", () => {
  beforeEach(async () => {
    // The lazy modules load by dynamic import (real file I/O, which a fake clock cannot advance): load
    // them first so the burst is held only by the limiter.
    await loadLazyModules(ayliea);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
  });
  afterEach(() => vi.useRealTimers());

  it("sends 60 requests in a minute and holds the 61st", async () => {
    let sent = 0;
    const client = createAylieaClient({
      apiKey: TEST_KEY,
      fetch: async () => {
        sent++;
        return Response.json({ scores: [] });
      },
    });
    const burst = Array.from({ length: 61 }, () => client.GET("/scores"));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toBe(60);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(sent).toBe(61);
    expect((await Promise.all(burst)).every((r) => r.response.status === 200)).toBe(true);
  });

  it("rateLimit: false turns the limiter off", async () => {
    let sent = 0;
    const client = createAylieaClient({
      apiKey: TEST_KEY,
      rateLimit: false,
      fetch: async () => {
        sent++;
        return Response.json({ scores: [] });
      },
    });
    await Promise.all(Array.from({ length: 61 }, () => client.GET("/scores")));
    expect(sent).toBe(61);
  });
});

// By default the client keeps to 60 requests a minute, the limit of AIPTx's lowest plan
// (Starter), so no key is over-driven; a key on a bigger plan raises it with `rateLimit`.
// The minute is a fake clock here: the test counts requests, it does not measure time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAiptxClient, type AiptxClientOptions } from "../../src/aiptx/index.js";

const flush = async () => {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
};

function counting(options: AiptxClientOptions = {}) {
  let sent = 0;
  const client = createAiptxClient({
    apiKey: "aiptx_rate_limit_key",
    validate: "off",
    ...options,
    fetch: async () => {
      sent++;
      return Response.json({ success: true, data: [], pagination: { page: 1, limit: 20, total: 0 } });
    },
  });
  return { client, sent: () => sent };
}

describe("AIPTx client-side rate limit", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] }));
  afterEach(() => vi.useRealTimers());

  it("sends 60 requests in a minute by default and holds the 61st until the window moves on", async () => {
    const { client, sent } = counting();
    const calls = Array.from({ length: 61 }, () => client.GET("/scans"));
    await flush();
    expect(sent()).toBe(60);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await flush();
    expect(sent()).toBe(61);
    await Promise.all(calls);
  });

  it("a Professional key (120/min) configured with rateLimit sends 120 before waiting", async () => {
    const { client, sent } = counting({ rateLimit: { requests: 120 } });
    const calls = Array.from({ length: 121 }, () => client.GET("/scans"));
    await flush();
    expect(sent()).toBe(120);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await flush();
    expect(sent()).toBe(121);
    await Promise.all(calls);
  });
});

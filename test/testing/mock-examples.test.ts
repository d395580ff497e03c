// Tests select the spec's named examples on the static mock with Prism's `Prefer` header, as the
// README shows: a scan or audit that has finished, failed or is still running, and a 429 whose
// Retry-After is small enough for a test to honour.
import { describe, expect, it } from "vitest";
import { JobFailedError, RateLimitError, unwrap, WaitTimeoutError } from "../../src/index.js";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { mockUrl } from "../helpers.js";

const aiptx = (example: string) =>
  createAiptxClient({ baseUrl: mockUrl("aiptx"), apiKey: "aiptx_example_key", headers: { Prefer: `example=${example}` } });
const ailabsaudit = (example?: string) =>
  createAilabsauditClient({ baseUrl: mockUrl("ailabsaudit"), apiKey: "aila_example_key", ...(example ? { headers: { Prefer: `example=${example}` } } : {}) });

describe("named examples on the static mock", () => {
  it("AIPTx: with Prefer: example=completed, waitForCompletion returns the completed scan", async () => {
    const scan = await aiptx("completed").scans.waitForCompletion("scan_abc123", { intervalMs: 0 });
    expect(scan).toMatchObject({ id: "scan_abc123", status: "completed", progress: 100, completed_at: "2024-01-15T13:12:00Z" });
  });

  it.each(["failed", "cancelled"])("AIPTx: with Prefer: example=%s, waitForCompletion throws JobFailedError", async (example) => {
    const error = await aiptx(example).scans.waitForCompletion("scan_abc123", { intervalMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).status).toBe(example);
  });

  it("AIPTx: the default (running) never finishes, so the wait times out", async () => {
    const client = createAiptxClient({ baseUrl: mockUrl("aiptx"), apiKey: "aiptx_example_key" });
    const error = await client.scans.waitForCompletion("scan_abc123", { intervalMs: 0, timeoutMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
  });

  it("AILabsAudit: completed by default, and a failed or running audit by name", async () => {
    expect(await ailabsaudit().waitForAudit(1287, { intervalMs: 0 })).toMatchObject({ id: 1287, status: "completed" });
    const failed = await ailabsaudit("failed").waitForAudit(1287, { intervalMs: 0 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(JobFailedError);
    const running = await ailabsaudit("running").waitForAudit(1287, { intervalMs: 0, timeoutMs: 0 }).catch((e: unknown) => e);
    expect(running).toBeInstanceOf(WaitTimeoutError);
  });

  it.each([
    ["AIclicks", () => createAiclicksClient({ baseUrl: mockUrl("aiclicks"), apiKey: "ak_live_example", maxRetries: 0 }).GET("/api/v1/domains", { headers: { Prefer: "code=429" } })],
    ["Ayliea", () => createAylieaClient({ baseUrl: mockUrl("ayliea"), apiKey: `ayliea_pk_${"ab".repeat(32)}`, maxRetries: 0 }).GET("/scores", { headers: { Prefer: "code=429" } })],
  ])("%s: the 429 example asks for a 2 s wait", async (_vendor, call) => {
    const error = await call().then(unwrap).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(2_000);
  });
});

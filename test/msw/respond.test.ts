// respond() overrides: served through server.use(), typed from the spec, refused at once when the
// body breaks the contract, gone after server.resetHandlers(); error statuses in the vendor's
// shape and headers passed through to the client's rate-limit handling.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { NotFoundError, RateLimitError } from "../../src/index.js";
import { mswHandlers } from "../../src/testing/msw/index.js";
import { TEST_KEYS } from "./support.js";

const aiptx = mswHandlers("aiptx");
const ayliea = mswHandlers("ayliea");
const ailabsaudit = mswHandlers("ailabsaudit");
const server = setupServer(...aiptx.handlers, ...ayliea.handlers, ...ailabsaudit.handlers);
const requests: string[] = [];
server.events.on("request:start", ({ request }) => requests.push(`${request.method} ${new URL(request.url).pathname}`));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

const strict = { validate: "strict", rateLimit: false, maxRetries: 0 } as const;
const scans = createAiptxClient({ ...strict, apiKey: TEST_KEYS.aiptx });
const getScan = () => scans.GET("/scans/{scan_id}", { params: { path: { scan_id: "scan_1" } } });

describe("respond() overrides", () => {
  it("serves the override, keeps fields the spec does not know, and resetHandlers() restores the example", async () => {
    const completed = { success: true, data: { id: "scan_1", status: "completed" as const, progress: 100 }, vendor_added: "kept" };
    server.use(aiptx.respond("GET /scans/{scan_id}", 200, completed));
    const served = await getScan();
    expect(served.error).toBeUndefined();
    expect(served.data).toEqual(completed);

    server.resetHandlers();
    const restored = await getScan();
    expect(restored.data?.data.id).toBe("scan_abc123");
    expect(restored.data?.data.status).toBe("running");
  });

  it("refuses a body that breaks the contract when the test builds it, naming the JSON path, expected and received", () => {
    const broken = { success: true, data: { id: 42, status: "completed" } };
    // @ts-expect-error -- `id` is a string in the spec; the type catches it too
    expect(() => aiptx.respond("GET /scans/{scan_id}", 200, broken)).toThrow(/at data\.id: expected string, received integer/);
    const badEnum = { success: true, data: { id: "scan_1", status: "finished" } };
    // @ts-expect-error -- not one of the spec's scan statuses
    expect(() => aiptx.respond("GET /scans/{scan_id}", 200, badEnum)).toThrow(/at data\.status: expected one of \["queued",/);
    const missing = { success: true };
    // @ts-expect-error -- `data` is required
    expect(() => aiptx.respond("GET /scans/{scan_id}", 200, missing)).toThrow(/at data: expected object, received nothing \(field missing\)/);
  });

  it("refuses a null body the contract forbids instead of serving the example in its place", () => {
    // @ts-expect-error -- the 200 body is an object
    expect(() => aiptx.respond("GET /scans/{scan_id}", 200, null)).toThrow(/the body breaks AIPTx's contract:\n  at \(the body itself\): expected object, received null/);
    // @ts-expect-error -- Ayliea's error body is an object too
    expect(() => ayliea.respond("GET /scores", 500, null)).toThrow(/breaks Ayliea's contract/);
  });

  it("refuses operations and statuses the spec does not declare", () => {
    // @ts-expect-error -- no such operation
    expect(() => aiptx.respond("GET /scan/{scan_id}", 200)).toThrow(/AIPTx has no operation "GET \/scan\/\{scan_id\}".*METHOD \/path/);
    // @ts-expect-error -- the spec declares no 418 for this operation
    expect(() => aiptx.respond("GET /scans/{scan_id}", 418)).toThrow(/declares no 418 answer for GET \/scans\/\{scan_id\}; it declares 200, 401, 403, 404, 429, 500/);
  });

  it("answers an error status in the vendor's error shape, the spec's example when no body is given", async () => {
    server.use(aiptx.respond("GET /scans/{scan_id}", 404));
    const example = await getScan();
    expect(example.response.status).toBe(404);
    expect(example.error).toEqual({ success: false, error: { code: "NOT_FOUND", message: "Not found - Resource doesn't exist" }, meta: { request_id: "req_xyz789" } });

    server.use(aiptx.respond("GET /scans/{scan_id}", 404, { success: false, error: { code: "SCAN_GONE", message: "scan_1 was deleted" }, meta: { request_id: "req_1" } }));
    const custom = await getScan();
    expect(custom.error).toEqual({ success: false, error: { code: "SCAN_GONE", message: "scan_1 was deleted" }, meta: { request_id: "req_1" } });
    const throwing = createAiptxClient({ ...strict, apiKey: TEST_KEYS.aiptx, throwOnError: true });
    const error = await throwing.GET("/scans/{scan_id}", { params: { path: { scan_id: "scan_1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "SCAN_GONE" });
    expect((error as Error).message).toContain("scan_1 was deleted");
  });

  it("refuses an error body that is not in the vendor's error shape", () => {
    // @ts-expect-error -- Ayliea's errors are { error: string }
    expect(() => ayliea.respond("GET /scores", 500, { error: { message: "boom" } })).toThrow(/at error: expected string, received object/);
  });

  it("passes headers through: Retry-After drives the client's rate-limit handling", async () => {
    const client = createAylieaClient({ ...strict, apiKey: TEST_KEYS.ayliea, maxRetries: 2, maxRetryWaitMs: 1_000, throwOnError: true });
    server.use(ayliea.respond("GET /scores", 429, { error: "Rate limit exceeded" }, { headers: { "Retry-After": "30" } }));
    const error = await client.GET("/scores").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    // 30 s is past maxRetryWaitMs, so the client gives up at once and says how long to wait.
    expect(error).toMatchObject({ status: 429, retryAfter: 30_000 });
    expect(requests).toEqual(["GET /api/v1/scores"]);
  });

  it("serves a binary override to the download helper", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7 override");
    server.use(ailabsaudit.respond("GET /reports/{id}/download", 200, pdf, { headers: { "Content-Disposition": 'attachment; filename="report_7.pdf"' } }));
    const client = createAilabsauditClient({ ...strict, apiKey: TEST_KEYS.ailabsaudit });
    const download = await client.reports.download(7);
    expect(new TextDecoder().decode(download.bytes)).toBe("%PDF-1.7 override");
    expect(download.filename).toBe("report_7.pdf");
  });

  it("an override for a parameterised path does not take requests for a literal sibling", async () => {
    server.use(aiptx.respond("GET /findings/{finding_id}", 404));
    const stats = await scans.GET("/findings/stats");
    expect(stats.response.status).toBe(200);
  });
});

// Response validation with the generated zod schemas, in its three modes, through a real
// vendor's schemas (AIclicks' visibility time series) and scripted bodies.
import { describe, expect, it, vi } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { aiptx } from "../../src/aiptx/vendor.js";
import { createVendorClient } from "../../src/core/create-client.js";
import { ResponseValidationError, VendorError } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";
const good = {
  data: { items: [{ date: "2026-06-16", value: 12.5 }, { date: "2026-06-17", value: 0 }] },
  domain_id,
  days: 30,
  generated_at: "2026-06-17T10:00:11.218Z",
};

function clientAnswering(body: unknown, options: Parameters<typeof createAiclicksClient>[0] = {}) {
  return createAiclicksClient({
    apiKey: "ak_live_validation_key",
    rateLimit: false,
    fetch: async () => Response.json(body, { headers: { "x-request-id": "req-123" } }),
    ...options,
  });
}

const call = (client: ReturnType<typeof createAiclicksClient>, validate?: "strict" | "warn" | "off") =>
  client.GET("/api/v1/visibility-time-series", { params: { query: { domain_id } }, ...(validate ? { validate } : {}) });

describe("response validation", () => {
  it("unknown properties never fail, and survive in the returned data", async () => {
    const body = { ...good, brand_new_field: { x: 1 }, data: { ...good.data, extra: true } };
    const { data } = await call(clientAnswering(body, { validate: "strict" }));
    expect(data).toEqual(body);
  });

  it("strict: a wrong type throws, naming operation, JSON path, expected and received types and request id", async () => {
    const body = { ...good, data: { items: [good.data.items[0], { date: "2026-06-17", value: "12%" }] } };
    const error = await call(clientAnswering(body, { validate: "strict" })).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.operation).toContain("getVisibilityTimeSeries");
    expect(error.requestId).toBe("req-123");
    expect(error.issues).toEqual([expect.objectContaining({ path: "data.items[1].value", expected: "number", received: "string" })]);
    expect(error.message).toContain("data.items[1].value");
    expect(error.message).toContain("req-123");
  });

  it("strict: a missing required field fails", async () => {
    const { generated_at: _gone, ...body } = good;
    const error = await call(clientAnswering(body, { validate: "strict" })).catch((e) => e);
    expect(error.issues).toEqual([expect.objectContaining({ path: "generated_at", received: "nothing (field missing)" })]);
  });

  it("strict: an unknown enum value fails (AIPTx scan status)", async () => {
    const client = createVendorClient<TestPaths>(
      { ...testVendor, operations: aiptx.operations, loadValidators: aiptx.loadValidators },
      { apiKey: TEST_KEY, validate: "strict", fetch: async () => Response.json({ success: true, data: { id: "scan_1", status: "paused" } }) },
    );
    const error = await client.GET("/scans/{scan_id}", { params: { path: { scan_id: "scan_1" } } }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([expect.objectContaining({ path: "data.status", received: '"paused"' })]);
    expect(error.issues[0].expected).toContain("running");
  });

  it("warn (the default): calls onValidationError and still returns the data", async () => {
    const onValidationError = vi.fn();
    const body = { ...good, days: "thirty" };
    const { data } = await call(clientAnswering(body, { onValidationError }));
    expect(data).toEqual(body);
    expect(onValidationError).toHaveBeenCalledOnce();
    expect(onValidationError.mock.calls[0]![0]).toBeInstanceOf(ResponseValidationError);
  });

  it("per call overrides the client: off skips the check, strict enforces it", async () => {
    const onValidationError = vi.fn();
    const client = clientAnswering({ ...good, days: "thirty" }, { onValidationError });
    await call(client, "off");
    expect(onValidationError).not.toHaveBeenCalled();
    await expect(call(client, "strict")).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("accepts the vendors' non-RFC UUIDs and +00:00 offsets", async () => {
    const body = { ...good, domain_id: "ab12cd34-ef56-7890-12ab-cd34ef567890", generated_at: "2026-06-17T10:00:11.218123+00:00" };
    const { data } = await call(clientAnswering(body, { validate: "strict" }));
    expect(data?.domain_id).toBe(body.domain_id);
  });
});

describe("loading the zod schemas", () => {
  const table = aiptx.operations;
  const answering = (body: unknown) => async () => Response.json(body);
  const scan = { success: true, data: { id: "scan_1", status: "paused" } };
  const get = (client: ReturnType<typeof createVendorClient<TestPaths>>, validate?: "off" | "strict") =>
    client.GET("/scans/{scan_id}", { params: { path: { scan_id: "scan_1" } }, ...(validate ? { validate } : {}) });

  it("with validation off they are never loaded", async () => {
    const loadValidators = vi.fn(aiptx.loadValidators);
    const client = createVendorClient<TestPaths>(
      { ...testVendor, operations: table, loadValidators },
      { apiKey: TEST_KEY, validate: "off", fetch: answering(scan) },
    );
    const { data } = await get(client);
    expect(data).toEqual(scan);
    expect(loadValidators).not.toHaveBeenCalled();
  });

  it("they are loaded once per client, on the first validated call", async () => {
    const loadValidators = vi.fn(aiptx.loadValidators);
    const client = createVendorClient<TestPaths>(
      { ...testVendor, operations: table, loadValidators },
      { apiKey: TEST_KEY, validate: "strict", fetch: answering({ success: true, data: { id: "scan_1", status: "running" } }) },
    );
    await Promise.all([get(client), get(client), get(client)]);
    await get(client);
    expect(loadValidators).toHaveBeenCalledOnce();
  });

  it("a failed load fails that call, sends nothing, and the next call loads again", async () => {
    const loadValidators = vi.fn(aiptx.loadValidators).mockRejectedValueOnce(new Error("chunk failed to load"));
    const fetch = vi.fn(answering(scan));
    const client = createVendorClient<TestPaths>({ ...testVendor, operations: table, loadValidators }, { apiKey: TEST_KEY, validate: "strict", fetch });
    const error = await get(client).catch((e) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect(error.message).toContain("could not load the schemas that validate getScan (GET /scans/{scan_id}) (chunk failed to load)");
    expect(error.message).toContain('validate: "off"');
    expect(fetch).not.toHaveBeenCalled();
    await expect(get(client)).rejects.toBeInstanceOf(ResponseValidationError);
    expect(loadValidators).toHaveBeenCalledTimes(2);
  });

  it("the precompiled checks failing to load is the same error; a refused answer whose zod chunk fails names it too", async () => {
    const loadPrecompiled = vi.fn(aiptx.loadPrecompiled!).mockRejectedValueOnce(new Error("chunk failed to load"));
    const loadValidators = vi
      .fn(aiptx.loadValidators)
      .mockRejectedValueOnce(new Error("zod chunk failed to load"))
      .mockRejectedValueOnce(new Error("zod chunk failed to load"));
    const fetch = vi.fn(answering(scan));
    const client = createVendorClient<TestPaths>({ ...testVendor, operations: table, loadValidators, loadPrecompiled }, { apiKey: TEST_KEY, validate: "strict", fetch });
    const first = await get(client).catch((e) => e);
    expect(first).toBeInstanceOf(VendorError);
    expect(first.message).toContain("could not load the schemas that validate getScan (GET /scans/{scan_id}) (chunk failed to load)");
    expect(fetch).not.toHaveBeenCalled();
    // The precompiled check refuses this answer; zod, asked for its issues, fails to load.
    const second = await get(client).catch((e) => e);
    expect(second).toBeInstanceOf(VendorError);
    expect(second.message).toContain("(zod chunk failed to load); the request was sent, but its answer could not be checked");
    // Again on a later call, whose error names that call, not the one whose checks were built first.
    const third = await get(client).catch((e) => e);
    const sentIds = (fetch.mock.calls as unknown as [unknown, RequestInit][]).map(([, init]) => new Headers(init.headers).get("x-request-id"));
    expect(sentIds).toHaveLength(2);
    expect([second.requestId, third.requestId]).toEqual(sentIds);
    // The next refusal loads zod again, and its issues are reported.
    await expect(get(client)).rejects.toBeInstanceOf(ResponseValidationError);
    expect([loadPrecompiled.mock.calls.length, loadValidators.mock.calls.length]).toEqual([2, 3]);
  });

  it("the code that builds the checks failing to load is the same error, and the next call loads it again", async () => {
    vi.resetModules();
    vi.doMock("../../src/core/validator-tiers.js", () => {
      throw new Error("tiers chunk failed to load");
    });
    try {
      const { createVendorClient: freshClient } = await import("../../src/core/create-client.js");
      const fetch = vi.fn(answering(scan));
      const client = freshClient<TestPaths>({ ...testVendor, operations: table, loadValidators: aiptx.loadValidators }, { apiKey: TEST_KEY, validate: "strict", fetch });
      const error = await get(client).catch((e) => e);
      expect(error.name).toBe("VendorError");
      expect(error.message).toContain("could not load the schemas that validate getScan (GET /scans/{scan_id}) (");
      expect(error.message).toContain('nothing was sent. Try again, or pass validate: "off"');
      expect(error.cause).toBeInstanceOf(Error);
      expect(fetch).not.toHaveBeenCalled();
      vi.doUnmock("../../src/core/validator-tiers.js");
      await expect(get(client)).rejects.toMatchObject({ name: "ResponseValidationError" });
      expect(fetch).toHaveBeenCalledOnce();
    } finally {
      vi.doUnmock("../../src/core/validator-tiers.js");
      vi.resetModules();
    }
  });
});

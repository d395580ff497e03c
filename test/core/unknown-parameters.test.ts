// A misspelled query or path parameter (`dayz` for `days`) compiles once a required parameter is
// present, and a server drops it silently: "strict" refuses it before sending, naming it and the
// known ones, "warn" reports it and sends, "off" sends as is without loading zod.
import { describe, expect, it, vi } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { aiclicks } from "../../src/aiclicks/vendor.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createVendorClient } from "../../src/core/create-client.js";
import type { paths } from "../../generated/aiclicks/schema.js";
import { RequestValidationError, ResponseValidationError } from "../../src/index.js";

const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";
const series = { data: { items: [] }, domain_id, days: 7, generated_at: "2026-06-17T10:00:11Z" };

function recording(options: { validate?: "strict" | "warn" | "off"; onValidationError?: (e: unknown) => void } = {}) {
  const urls: URL[] = [];
  const client = createAiclicksClient({
    apiKey: "ak_live_unknown_params",
    rateLimit: false,
    ...options,
    fetch: async (url) => {
      urls.push(new URL(url));
      return Response.json(series);
    },
  });
  return { client, urls };
}

// Compiles: openapi-fetch's init type keeps no excess-property check once `domain_id` is there.
const misspelled = { params: { query: { domain_id, dayz: 7 } } };

describe("unknown query and path parameters", () => {
  it("strict: a RequestValidationError naming the unknown parameter and the known ones; nothing is sent", async () => {
    const { client, urls } = recording({ validate: "strict" });
    const error = await client.GET("/api/v1/visibility-time-series", misspelled).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    const { message, issues } = error as RequestValidationError;
    expect(message).toContain('was not sent: query.dayz: unknown query parameter "dayz"');
    expect(message).toContain("known query parameters (days, domain_id, timeframe)");
    expect(issues).toEqual([expect.objectContaining({ path: "query.dayz", received: '"dayz"' })]);
    expect(urls).toEqual([]);
  });

  it("strict: an unknown path parameter is refused too (AIPTx, declared on the path item)", async () => {
    const urls: string[] = [];
    const client = createAiptxClient({ apiKey: "aiptx_unknown", validate: "strict", rateLimit: false, fetch: async (url) => (urls.push(url), Response.json({})) });
    const error = await client
      .GET("/scans/{scan_id}", { params: { path: { scan_id: "scan_1", scanId: "scan_1" } as { scan_id: string } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain('unknown path parameter "scanId"');
    expect((error as Error).message).toContain("known path parameters (scan_id)");
    expect(urls).toEqual([]);
  });

  it("the declared parameters pass, and an undefined value is not a parameter", async () => {
    const { client, urls } = recording({ validate: "strict" });
    const { data } = await client.GET("/api/v1/visibility-time-series", { params: { query: { domain_id, days: 7, timeframe: undefined } } });
    expect(data).toEqual(series);
    expect(urls).toHaveLength(1);
  });

  it("warn: onValidationError gets a RequestValidationError saying it was sent, and the request goes out as it is", async () => {
    const seen: unknown[] = [];
    const { client, urls } = recording({ validate: "warn", onValidationError: (e) => seen.push(e) });
    const { data } = await client.GET("/api/v1/visibility-time-series", misspelled);
    expect(data).toEqual(series);
    expect(urls[0]!.searchParams.get("dayz")).toBe("7");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(RequestValidationError);
    expect(seen[0]).not.toBeInstanceOf(ResponseValidationError);
    expect((seen[0] as Error).message).toContain('was sent as it is, but: query.dayz: unknown query parameter "dayz"');
  });

  it("off: sent as is, no warning, and the zod schemas are never loaded", async () => {
    const loadValidators = vi.fn(aiclicks.loadValidators);
    const onValidationError = vi.fn();
    const urls: URL[] = [];
    const client = createVendorClient<paths>(
      { ...aiclicks, loadValidators },
      { apiKey: "ak_live_off", validate: "off", rateLimit: false, onValidationError, fetch: async (url) => (urls.push(new URL(url)), Response.json(series)) },
    );
    await client.GET("/api/v1/visibility-time-series", misspelled);
    expect(urls[0]!.searchParams.get("dayz")).toBe("7");
    expect(onValidationError).not.toHaveBeenCalled();
    expect(loadValidators).not.toHaveBeenCalled();
  });
});

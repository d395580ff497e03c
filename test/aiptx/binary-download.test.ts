// Finding 4 of issue 13: a GET on AIPTx's report download without parseAs gets the bytes of a
// PDF (or the parsed JSON of a JSON report), not "content type application/pdf where JSON was
// expected. Retry later". Prism serves the media type the Accept header asks for.
import { describe, expect, expectTypeOf, it } from "vitest";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { MalformedResponseError } from "../../src/index.js";
import { mockUrl } from "../helpers.js";

const client = (fetch?: typeof globalThis.fetch) =>
  createAiptxClient({ apiKey: "aiptx_binary_test_key", baseUrl: mockUrl("aiptx"), rateLimit: false, validate: "strict", fetch });
const params = { path: { report_id: "report_xyz789" } };

describe("AIPTx report download without parseAs", () => {
  it("a PDF answer comes back as its bytes", async () => {
    const result = await client().GET("/reports/{report_id}/download", { params, headers: { Accept: "application/pdf" } });
    expect(result.error).toBeUndefined();
    expect(result.response.headers.get("content-type")).toMatch(/^application\/pdf/);
    expect(result.data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode((result.data as Uint8Array).subarray(0, 5))).toBe("%PDF-");
    if (!result.error) {
      expectTypeOf(result.data).toExtend<Uint8Array | Record<string, never>>();
      expectTypeOf<Uint8Array>().toExtend<typeof result.data>();
    }
  });

  it("a JSON answer is parsed and validated", async () => {
    const result = await client().GET("/reports/{report_id}/download", { params, headers: { Accept: "application/json" } });
    expect(result.data).not.toBeInstanceOf(Uint8Array);
    expect(typeof result.data).toBe("object");
  });

  it("an undeclared content type names the declared ones", async () => {
    const plain = (async () => new Response("hello", { headers: { "content-type": "text/plain" } })) as unknown as typeof fetch;
    const result = client(plain).GET("/reports/{report_id}/download", { params });
    await expect(result).rejects.toBeInstanceOf(MalformedResponseError);
    await expect(result).rejects.toThrow(/declares application\/pdf, text\/html, application\/json/);
  });
});

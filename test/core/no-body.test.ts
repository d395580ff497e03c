// A 204, or a 2XX answered without a body (Content-Length: 0), is a success with data undefined:
// it is not validated against the response schema as undefined, even with validate: "strict".
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createVendorClient } from "../../src/core/create-client.js";
import type { VendorDescription } from "../../src/core/vendor.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const vendor: VendorDescription = {
  ...testVendor,
  operations: { "DELETE /things": { operationId: "deleteThing", scopes: [], responseKind: "json", mediaTypes: ["application/json"] } },
  loadValidators: async () => ({
    "DELETE /things": { path: undefined, query: undefined, body: undefined, response: z.object({ deleted: z.boolean() }) },
  }),
};

const answering = (status: number, headers: Record<string, string> = {}) =>
  (async () => new Response(null, { status, headers })) as unknown as typeof globalThis.fetch;

describe("success without a body", () => {
  it.each([
    ["204", 204, {}],
    ["202 with Content-Length: 0", 202, { "content-length": "0" }],
  ])("%s: data undefined, no validation failure in strict or warn mode", async (_name, status, headers) => {
    const onValidationError = vi.fn();
    const strict = createVendorClient<TestPaths>(vendor, { apiKey: TEST_KEY, fetch: answering(status, headers), validate: "strict", rateLimit: false });
    const result = await strict.DELETE("/things");
    expect(result.response.status).toBe(status);
    expect(result.data).toBeUndefined();
    const warn = createVendorClient<TestPaths>(vendor, { apiKey: TEST_KEY, fetch: answering(status, headers), onValidationError, rateLimit: false });
    await warn.DELETE("/things");
    expect(onValidationError).not.toHaveBeenCalled();
  });

  it("a body that breaks the schema is still reported", async () => {
    const fetch = (async () => Response.json({ deleted: "yes" })) as unknown as typeof globalThis.fetch;
    const strict = createVendorClient<TestPaths>(vendor, { apiKey: TEST_KEY, fetch, validate: "strict", rateLimit: false });
    await expect(strict.DELETE("/things")).rejects.toThrow(/deleted/);
  });
});

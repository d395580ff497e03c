// Operations whose spec declares non-JSON answers (PDF, CSV …), read without parseAs: the parsed
// JSON when the answer is JSON, the bytes otherwise; a content type the spec does not declare is
// a typed error naming the declared ones and what to use instead.
import { describe, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { MalformedResponseError, VendorError } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const vendor = {
  ...testVendor,
  operations: {
    "GET /report": { operationId: "getReport", scopes: [], responseKind: "json" as const, mediaTypes: ["application/pdf", "text/csv", "application/json"] },
    "GET /pdf": { operationId: "getPdf", scopes: [], responseKind: "binary" as const, mediaTypes: ["application/pdf"] },
    "GET /image": { operationId: "getImage", scopes: [], responseKind: "binary" as const, mediaTypes: ["image/*"] },
  },
};

const answering = (body: BodyInit, type: string) =>
  (async () => new Response(body, { headers: { "content-type": type } })) as unknown as typeof globalThis.fetch;
const client = (fetch: typeof globalThis.fetch) => createVendorClient<TestPaths>(vendor, { apiKey: TEST_KEY, fetch, rateLimit: false });
const text = (bytes: unknown) => new TextDecoder().decode(bytes as Uint8Array);

describe("binary and mixed operations without parseAs", () => {
  it("a declared non-JSON answer comes back as its bytes", async () => {
    const { data } = await client(answering("%PDF-1.7 …", "application/pdf")).GET("/report");
    expect(data).toBeInstanceOf(Uint8Array);
    expect(text(data)).toBe("%PDF-1.7 …");
    expect(text((await client(answering("a,b\n1,2\n", "text/csv; charset=utf-8")).GET("/report")).data)).toBe("a,b\n1,2\n");
    expect((await client(answering("PNG", "image/png")).GET("/image")).data).toBeInstanceOf(Uint8Array);
  });

  it("a JSON answer of a mixed operation is parsed", async () => {
    const { data } = await client(answering('{"status":"generating"}', "application/json")).GET("/report");
    expect(data).toEqual({ status: "generating" });
  });

  it("a content type the spec does not declare is a MalformedResponseError naming the declared ones and the way out", async () => {
    const error = (await client(answering("<html>login</html>", "text/html")).GET("/pdf").catch((e: VendorError) => e)) as MalformedResponseError;
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/getPdf .*content type "text\/html", which the spec does not declare for it \(it declares application\/pdf\)/);
    expect(error.message).toMatch(/download helper .*parseAs: "arrayBuffer"/);
    expect(error.message).not.toMatch(/Retry later/);
  });

  it("parseAs still wins: any content type is read as asked", async () => {
    const { data } = await client(answering("<html>login</html>", "text/html")).GET("/pdf", { parseAs: "text" });
    expect(data).toBe("<html>login</html>");
  });
});

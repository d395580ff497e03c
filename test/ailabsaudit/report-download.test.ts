// `reports.download(id)` hands back the PDF as bytes with the file name the server suggests, and
// turns a JSON error on that binary endpoint into the usual typed error.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const apiKey = "aila_download_test_key";

describe("AILabsAudit report download", () => {
  it("returns the PDF bytes from Prism, starting with %PDF, with the Content-Disposition file name", async () => {
    const recorder = recordingFetch();
    const client = createAilabsauditClient({
      apiKey,
      baseUrl: mockUrl("ailabsaudit"),
      fetch: recorder.fetch,
      validate: "strict",
      rateLimit: false,
    });
    const file = await client.reports.download(1);
    expect(new TextDecoder().decode(file.bytes.slice(0, 4))).toBe("%PDF");
    expect(file.filename).toBe("report_1.pdf");
    expect(file.contentType).toMatch(/^application\/pdf/);
    expect(recorder.calls[0]!.url.pathname).toBe("/reports/1/download");
  });

  it("keeps binary bytes intact and reads an RFC 6266 filename*", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a]);
    const client = createAilabsauditClient({
      apiKey,
      baseUrl: "http://127.0.0.1:9",
      rateLimit: false,
      fetch: async () =>
        new Response(bytes, {
          headers: { "content-type": "application/pdf", "content-disposition": "attachment; filename*=UTF-8''rapport%20Acme.pdf" },
        }),
    });
    const file = await client.reports.download("r-7");
    expect([...file.bytes]).toEqual([...bytes]);
    expect(file.filename).toBe("rapport Acme.pdf");
  });

  it("falls back to filename when filename* names a charset it cannot decode, and never returns a path", async () => {
    const client = createAilabsauditClient({
      apiKey,
      baseUrl: "http://127.0.0.1:9",
      rateLimit: false,
      fetch: async () =>
        new Response("%PDF-1.4", {
          headers: {
            "content-type": "application/pdf",
            "content-disposition": "attachment; filename*=x-mac-klingon''rapport.pdf; filename=\"..\\\\..\\\\rapport_42.pdf\"",
          },
        }),
    });
    expect((await client.reports.download(42)).filename).toBe("rapport_42.pdf");
  });

  it("leaves the file name undefined when the server suggests none", async () => {
    const client = createAilabsauditClient({
      apiKey,
      baseUrl: "http://127.0.0.1:9",
      rateLimit: false,
      fetch: async () => new Response("%PDF-1.4", { headers: { "content-type": "application/pdf" } }),
    });
    expect((await client.reports.download(3)).filename).toBeUndefined();
  });

  it("throws NotFoundError with the vendor's message when the report does not exist", async () => {
    const client = createAilabsauditClient({
      apiKey,
      baseUrl: "http://127.0.0.1:9",
      rateLimit: false,
      fetch: async () => Response.json({ success: false, error: { code: 404, message: "Report not found" } }, { status: 404 }),
    });
    const error = (await client.reports.download(999).then(
      () => undefined,
      (e: unknown) => e,
    )) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.message).toContain("Report not found");
    expect(error.message).toContain("downloadReport");
  });
});

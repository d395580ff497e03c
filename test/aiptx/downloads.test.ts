// Report downloads and findings exports come back as bytes with the server's content type. The
// helpers send the Accept header of the format asked for, which is also what makes Prism pick
// that media type among the several the spec lists.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/index.js";
import { createAiptxClient, EXPORT_ACCEPT, REPORT_ACCEPT } from "../../src/aiptx/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const report_id = "report_xyz789";
const scan_id = "scan_abc123";
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function prismClient() {
  const recorder = recordingFetch();
  const client = createAiptxClient({
    apiKey: "aiptx_download_test_key",
    baseUrl: mockUrl("aiptx"),
    fetch: recorder.fetch,
    validate: "strict",
    rateLimit: false,
  });
  return { client, recorder };
}

describe("report download", () => {
  it("a PDF report comes back as PDF bytes with content type application/pdf", async () => {
    const { client, recorder } = prismClient();
    const file = await client.reports.download(report_id, { format: "pdf" });
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    expect(text(file.bytes.subarray(0, 5))).toBe("%PDF-");
    expect(file.contentType).toBe("application/pdf");
    expect(recorder.calls[0]!.headers.get("accept")).toBe("application/pdf");
    expect(recorder.calls[0]!.url.pathname).toBe(`/reports/${report_id}/download`);
  });

  it.each([
    ["html", "text/html", "<!DOCTYPE html>"],
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
    ["json", "application/json", "{"],
  ] as const)("a %s report is asked for with Accept %s and returned as bytes of that type", async (format, type, start) => {
    const { client, recorder } = prismClient();
    const file = await client.reports.download(report_id, { format });
    expect(file.contentType).toBe(type);
    expect(text(file.bytes).startsWith(start)).toBe(true);
    expect(recorder.calls[0]!.headers.get("accept")).toBe(REPORT_ACCEPT[format]);
  });

  it("without a format it accepts anything and keeps the server's type", async () => {
    const { client, recorder } = prismClient();
    const file = await client.reports.download(report_id);
    expect(recorder.calls[0]!.headers.get("accept")).toBe("*/*");
    expect(file.bytes.length).toBeGreaterThan(0);
    expect(Object.values(REPORT_ACCEPT)).toContain(file.contentType);
  });

  it("takes the file name from Content-Disposition and throws a typed error for a missing report", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n");
    const client = createAiptxClient({
      apiKey: "aiptx_download_test_key",
      rateLimit: false,
      fetch: async (input, init) => {
        const url = new URL(new Request(input, init).url);
        if (url.pathname.endsWith("/report_gone/download")) {
          return Response.json({ success: false, error: { code: "NOT_FOUND", message: "Report not found" } }, { status: 404 });
        }
        return new Response(pdf, {
          headers: { "content-type": "application/pdf", "content-disposition": 'attachment; filename="acme-security-report.pdf"' },
        });
      },
    });
    const file = await client.reports.download(report_id, { format: "pdf" });
    expect(file.filename).toBe("acme-security-report.pdf");
    expect(file.bytes).toEqual(pdf);
    const error = await client.reports.download("report_gone").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe("NOT_FOUND");
    expect((error as NotFoundError).message).toContain("Report not found");
  });
});

describe("download file names", () => {
  /** A client whose every download answers with this Content-Disposition. */
  const serving = (disposition: string) =>
    createAiptxClient({
      apiKey: "aiptx_download_test_key",
      rateLimit: false,
      fetch: async () => new Response("id,title\n", { headers: { "content-type": "text/csv", "content-disposition": disposition } }),
    });

  it.each([
    ["an ISO-8859-1 filename* with a language tag", "attachment; filename*=iso-8859-1'fr'r%E9sultats.csv", "résultats.csv"],
    ["filename* over filename", "attachment; filename=\"findings.csv\"; filename*=UTF-8''r%C3%A9sultats.csv", "résultats.csv"],
    ["a path in filename, cut to its base name", 'attachment; filename="../../.ssh/authorized_keys"', "authorized_keys"],
    ["an escaped quote", 'attachment; filename="scan \\"prod\\".csv"', 'scan "prod".csv'],
  ])("%s", async (_, disposition, expected) => {
    expect((await serving(disposition).findings.export({ scan_id, format: "csv" })).filename).toBe(expected);
  });
});

describe("findings export", () => {
  it.each([
    ["csv", "text/csv", "id,title,severity"],
    ["xml", "application/xml", "<?xml"],
    ["json", "application/json", '{"scan":'],
  ] as const)("format=%s is asked for with its Accept and returned as %s bytes", async (format, type, start) => {
    const { client, recorder } = prismClient();
    const file = await client.findings.export({ scan_id, format, severity: "critical" });
    expect(file.contentType).toBe(type);
    expect(text(file.bytes).startsWith(start)).toBe(true);
    const sent = recorder.calls[0]!;
    expect(sent.headers.get("accept")).toBe(EXPORT_ACCEPT[format]);
    expect(sent.url.searchParams.get("format")).toBe(format);
    expect(sent.url.searchParams.get("severity")).toBe("critical");
  });

  it("format=sarif accepts SARIF or plain JSON and returns a JSON document", async () => {
    const { client, recorder } = prismClient();
    const file = await client.findings.export({ scan_id, format: "sarif" });
    expect(recorder.calls[0]!.headers.get("accept")).toBe("application/sarif+json, application/json;q=0.9");
    expect(["application/sarif+json", "application/json"]).toContain(file.contentType);
    expect(() => JSON.parse(text(file.bytes))).not.toThrow();
  });
});

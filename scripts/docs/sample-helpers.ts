// The vendor helper a TypeScript sample shows beside the raw call, where one exists: paginate for
// list endpoints, the file downloads, and the waits after starting an audit or a scan. Each line
// is compiled and run against the MSW kit by test/docs/code-samples.test.ts.

/** Lines appended to the sample of `METHOD /path`; `body` is the raw call's unwrapped result. */
const HELPERS: Record<string, Record<string, (args: Record<string, unknown>) => string[]>> = {
  ailabsaudit: {
    "GET /reports/{id}/download": ({ id }) => [
      ``,
      `// Or the helper: the PDF's bytes, content type and file name.`,
      `const report = await client.reports.download(${JSON.stringify(id)});`,
      `console.log(report.filename, report.bytes.byteLength);`,
    ],
    "POST /audits/launch": () => [
      ``,
      `// The audit runs on its own: wait until it is done (polls GET /audits/{id}).`,
      `const audit = await client.waitForAudit(body.data.id);`,
      `console.log(audit.status);`,
    ],
  },
  aiptx: {
    "GET /reports/{report_id}/download": ({ report_id }) => [
      ``,
      `// Or the helper: the file's bytes, content type and file name.`,
      `const report = await client.reports.download(${JSON.stringify(report_id)}, { format: "pdf" });`,
      `console.log(report.filename, report.bytes.byteLength);`,
    ],
    "GET /findings/export": ({ scan_id, format }) => [
      ``,
      `// Or the helper: the export's bytes, content type and file name.`,
      `const file = await client.findings.export({ scan_id: ${JSON.stringify(scan_id)}, format: ${JSON.stringify(format)} });`,
      `console.log(file.filename, file.bytes.byteLength);`,
    ],
    "POST /scans": () => [
      ``,
      `// The scan runs on its own: wait until it completes (polls GET /scans/{scan_id}).`,
      `const scan = await client.scans.waitForCompletion(body.data.id);`,
      `console.log(scan.status);`,
    ],
  },
};

/** The helper lines for an operation, given its example parameters; none when it has no helper. */
export function helperLines(vendor: string, key: string, args: Record<string, unknown>): string[] {
  return HELPERS[vendor]?.[key]?.(args) ?? [];
}

/** Every item of every page: for a GET that takes the vendor's page-size parameter. */
export function paginateLines(path: string, init: string): string[] {
  return [
    ``,
    `// Every item of every page (the client asks for the next page until there is none).`,
    `for await (const item of client.paginate("${path}"${init ? `, ${init}` : ""})) console.log(item);`,
  ];
}

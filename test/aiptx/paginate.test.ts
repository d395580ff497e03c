// `paginate` walks AIPTx list pages (page/limit) until `pagination.total_pages` — or, on the
// reports list that has none, `pagination.total` counted at the served `pagination.limit` — is
// reached, keeps the caller's filters on every page, and never asks for a page past the last.
import { describe, expect, it } from "vitest";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const scan_id = "scan_pages123";

const finding = (n: number) => ({
  id: `finding_${n}`,
  scan_id,
  title: `Finding ${n}`,
  severity: "critical",
  cvss_score: 9.1,
  status: "open",
  category: "injection",
  endpoint: { method: "POST", path: "/api/users/search", parameter: "query" },
  first_seen: "2024-01-15T12:30:00Z",
  created_at: "2024-01-15T12:30:00Z",
});

/** Three pages of findings (2 + 2 + 1), as a server applying limit=2 would send them. */
function scriptedFindings() {
  const requests: URL[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(new Request(input, init).url);
    requests.push(url);
    const page = Number(url.searchParams.get("page"));
    const ids = page === 1 ? [1, 2] : page === 2 ? [3, 4] : page === 3 ? [5] : [];
    return Response.json({
      success: true,
      data: ids.map(finding),
      pagination: { page, limit: 2, total: 5, total_pages: 3 },
    });
  };
  return { fetch, requests };
}

/** The reports list (no total_pages): page `n` holds `serve(n).ids`, with the served limit and total. */
function scriptedReports(serve: (page: number) => { ids: number[]; limit: number; total: number }) {
  const requests: URL[] = [];
  const report = (n: number) => ({ id: `report_${n}`, scan_id, format: "pdf", template: "technical", status: "completed", created_at: "2024-01-15T14:00:00Z" });
  const client = createAiptxClient({
    apiKey: "aiptx_paginate_key",
    validate: "strict",
    rateLimit: false,
    fetch: async (input, init) => {
      const url = new URL(new Request(input, init).url);
      requests.push(url);
      const page = Number(url.searchParams.get("page"));
      const { ids, limit, total } = serve(page);
      return Response.json({ success: true, data: ids.map(report), pagination: { page, limit, total } });
    },
  });
  return { client, pagesAsked: () => requests.map((u) => u.searchParams.get("page")) };
}

describe("AIPTx pagination", () => {
  it("iterates findings across pages with a severity filter sent on every page, stopping at total_pages", async () => {
    const { fetch, requests } = scriptedFindings();
    const client = createAiptxClient({ apiKey: "aiptx_paginate_key", fetch, validate: "strict", rateLimit: false });
    const ids: string[] = [];
    for await (const item of client.paginate("/findings", { params: { query: { scan_id, severity: "critical", limit: 2 } } })) {
      ids.push(item.id);
      expect(item.severity).toBe("critical");
    }
    expect(ids).toEqual(["finding_1", "finding_2", "finding_3", "finding_4", "finding_5"]);
    expect(requests.map((u) => u.searchParams.get("page"))).toEqual(["1", "2", "3"]);
    for (const url of requests) {
      expect(url.pathname).toBe("/v1/findings");
      expect(url.searchParams.get("severity")).toBe("critical");
      expect(url.searchParams.get("scan_id")).toBe(scan_id);
      expect(url.searchParams.get("limit")).toBe("2");
    }
  });

  it("asks for 100 items a page (the maximum) when the caller sets no limit", async () => {
    const { fetch, requests } = scriptedFindings();
    const client = createAiptxClient({ apiKey: "aiptx_paginate_key", fetch, rateLimit: false });
    await client.paginate("/findings", { params: { query: { scan_id } } }, { maxPages: 1 }).toArray();
    expect(requests.map((u) => u.searchParams.get("limit"))).toEqual(["100"]);
  });

  it("stops on pagination.total when total_pages is absent (the reports list)", async () => {
    const { client, pagesAsked } = scriptedReports((page) => ({ ids: page === 1 ? [1, 2, 3] : page === 2 ? [4] : [], limit: 3, total: 4 }));
    const reports = await client.paginate("/reports", { params: { query: { limit: 3 } } }).toArray();
    expect(reports.map((r) => r.id)).toEqual(["report_1", "report_2", "report_3", "report_4"]);
    expect(pagesAsked()).toEqual(["1", "2"]);
  });

  it("counts `total` in the pages the server served: 150 reports at 50 a page (limit 100 asked) are all walked", async () => {
    const { client, pagesAsked } = scriptedReports((page) => ({
      ids: Array.from({ length: 50 }, (_, i) => (page - 1) * 50 + i + 1).filter((n) => n <= 150),
      limit: 50,
      total: 150,
    }));
    const reports = await client.paginate("/reports", { params: { query: { limit: 100 } } }, { maxPages: 10 }).toArray();
    expect(new Set(reports.map((r) => r.id)).size).toBe(150);
    expect(pagesAsked()).toEqual(["1", "2", "3"]);
  });

  it("against Prism, whose every page is the same example, stops at the repeated page 2 although total_pages says more", async () => {
    const recorder = recordingFetch();
    const warnings: string[] = [];
    const logger = { debug() {}, warn: (message: string) => warnings.push(message) };
    const client = createAiptxClient({ apiKey: "aiptx_paginate_key", baseUrl: mockUrl("aiptx"), fetch: recorder.fetch, logger, validate: "strict", rateLimit: false });
    const pages = [];
    for await (const page of client.paginate("/scans", { params: { query: { status: "completed" } } }).pages()) pages.push(page);
    expect((pages[0]!.body as { pagination: { total_pages: number } }).pagination.total_pages).toBeGreaterThan(2);
    expect(pages).toHaveLength(1);
    expect(recorder.calls.map((c) => c.url.searchParams.get("page"))).toEqual(["1", "2"]);
    expect(recorder.calls.every((c) => c.url.searchParams.get("status") === "completed")).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('ignore "page"')]);
  });
});

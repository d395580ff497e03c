// `paginate` walks page after page (page/per_page) until page >= pagination.total_pages and
// never asks for a page past it; lists without `pagination` stop on a short page.
import { describe, expect, it } from "vitest";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const apiKey = "aila_paginate_test_key";

const brand = (n: number) => ({
  id: n,
  name: `Client ${n}`,
  sector: "Technology",
  website: `https://client${n}.example`,
  country: "FR",
  created_at: "2025-01-15T10:30:00Z",
});

/** Answers GET /clients with `total` clients split into pages of the requested size. */
function scriptedClients(total: number) {
  const recorder = recordingFetch(async (input) => {
    const url = new URL((input as Request).url);
    const page = Number(url.searchParams.get("page"));
    const perPage = Number(url.searchParams.get("per_page"));
    const first = (page - 1) * perPage;
    const data = Array.from({ length: Math.max(0, Math.min(perPage, total - first)) }, (_, i) => brand(first + i + 1));
    return Response.json({
      success: true,
      data,
      pagination: { page, per_page: perPage, total, total_pages: Math.ceil(total / perPage) },
    });
  });
  const client = createAilabsauditClient({
    apiKey,
    baseUrl: "http://127.0.0.1:9",
    fetch: recorder.fetch,
    validate: "strict",
    rateLimit: false,
  });
  return { client, calls: recorder.calls };
}

describe("AILabsAudit pagination", () => {
  it("walks 3 scripted pages and stops at total_pages without asking for page 4", async () => {
    const { client, calls } = scriptedClients(25);
    const clients = await client.paginate("/clients", { params: { query: { per_page: 10 } } }).toArray();
    expect(calls.map((c) => c.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(calls.every((c) => c.url.searchParams.get("per_page") === "10")).toBe(true);
    expect(clients.map((c) => c.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("stops after a full last page too (total a multiple of per_page)", async () => {
    const { client, calls } = scriptedClients(30);
    expect(await client.paginate("/clients", { params: { query: { per_page: 10 } } }).toArray()).toHaveLength(30);
    expect(calls.map((c) => c.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
  });

  it("asks for 100 per page when the caller sets no page size", async () => {
    const { client, calls } = scriptedClients(150);
    await client.paginate("/clients").toArray();
    expect(calls.map((c) => [c.url.searchParams.get("page"), c.url.searchParams.get("per_page")])).toEqual([
      ["1", "100"],
      ["2", "100"],
    ]);
  });

  it("`total_pages: null` never counts as 0: the walk goes on by `total` and drops no client", async () => {
    const recorder = recordingFetch(async (input) => {
      const page = Number(new URL((input as Request).url).searchParams.get("page"));
      const data = Array.from({ length: 50 }, (_, i) => brand((page - 1) * 50 + i + 1)).filter((c) => c.id <= 150);
      return Response.json({ success: true, data, pagination: { page, per_page: 50, total: 150, total_pages: null } });
    });
    const client = createAilabsauditClient({ apiKey, baseUrl: "http://127.0.0.1:9", fetch: recorder.fetch, validate: "off", rateLimit: false });
    const clients = await client.paginate("/clients", {}, { maxPages: 10 }).toArray();
    expect(clients.map((c) => c.id)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(recorder.calls.map((c) => c.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
  });

  it("a sub-collection that ignores `page` ends at the repeated page, with a warning on the client's logger", async () => {
    const everyRival = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, name: `Rival ${i + 1}` }));
    const recorder = recordingFetch(async () => Response.json({ success: true, data: everyRival }));
    const warnings: string[] = [];
    const logger = { debug() {}, warn: (message: string) => warnings.push(message) };
    const client = createAilabsauditClient({ apiKey, baseUrl: "http://127.0.0.1:9", fetch: recorder.fetch, logger, rateLimit: false });
    const rivals = await client.paginate("/clients/{id}/competitors", { params: { path: { id: "42" } } }, { maxPages: 10 }).toArray();
    expect(rivals).toHaveLength(100);
    expect(recorder.calls).toHaveLength(2);
    expect(warnings).toEqual([expect.stringContaining('ignore "page"')]);
  });

  it("a sub-collection without `pagination` stops on a short page", async () => {
    const pages = [
      [{ id: 1, name: "Rival A" }, { id: 2, name: "Rival B" }],
      [{ id: 3, name: "Rival C" }],
    ];
    const recorder = recordingFetch(async (input) => {
      const page = Number(new URL((input as Request).url).searchParams.get("page"));
      return Response.json({ success: true, data: pages[page - 1] ?? [] });
    });
    const client = createAilabsauditClient({ apiKey, baseUrl: "http://127.0.0.1:9", fetch: recorder.fetch, validate: "strict", rateLimit: false });
    const rivals = await client
      .paginate("/clients/{id}/competitors", { params: { path: { id: "42" }, query: { per_page: 2 } } })
      .toArray();
    expect(rivals.map((r) => r.name)).toEqual(["Rival A", "Rival B", "Rival C"]);
    expect(recorder.calls.map((c) => c.url.pathname)).toEqual(["/clients/42/competitors", "/clients/42/competitors"]);
  });

  it("walks the Prism mock's list (total_pages 1) with one request and typed items", async () => {
    const recorder = recordingFetch();
    const client = createAilabsauditClient({ apiKey, baseUrl: mockUrl("ailabsaudit"), fetch: recorder.fetch, validate: "strict", rateLimit: false });
    const clients = await client.paginate("/clients").toArray();
    expect(recorder.calls).toHaveLength(1);
    expect(clients.length).toBeGreaterThan(0);
    expect(typeof clients[0]!.name).toBe("string");
  });
});

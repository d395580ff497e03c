// One paginator, four vendor styles: each stops exactly at the last page and requests nothing past it,
// counts with the page size the server used, and stops (with a warning) when a page repeats.
import { describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/core/logger.js";
import { dataWithPaginationObject, Paginator, type PaginationStyle } from "../../src/core/paginate.js";

type Query = Record<string, unknown>;

function scripted(pages: unknown[]) {
  const queries: Query[] = [];
  const fetchPage = async (query: Query) => {
    queries.push(query);
    const body = pages[queries.length - 1];
    if (body === undefined) throw new Error(`requested page ${queries.length}, past the last`);
    return body;
  };
  return { fetchPage, queries };
}

const itemsOf = (key: string) => (b: unknown) => (b as Record<string, unknown[]>)[key] ?? [];

describe("pagination styles", () => {
  it("page/per_page with pagination.total_pages (AILabsAudit style)", async () => {
    const style: PaginationStyle = {
      kind: "page", pageParam: "page", sizeParam: "per_page", defaultSize: 2, items: itemsOf("data"),
      totalPages: (b) => (b as { pagination: { total_pages: number } }).pagination.total_pages,
    };
    const pages = [1, 2, 3].map((n) => ({ data: [`a${n}`, `b${n}`], pagination: { page: n, per_page: 2, total: 6, total_pages: 3 } }));
    const { fetchPage, queries } = scripted(pages);
    expect(await new Paginator(fetchPage, style, "/things", { client_id: "7" }).toArray()).toEqual(["a1", "b1", "a2", "b2", "a3", "b3"]);
    expect(queries).toEqual([1, 2, 3].map((page) => ({ client_id: "7", page, per_page: 2 })));
  });

  it("page/size with data.total_pages (AIclicks style)", async () => {
    const style: PaginationStyle = {
      kind: "page", pageParam: "page", sizeParam: "size", defaultSize: 25,
      items: (b) => (b as { data: { items: unknown[] } }).data.items,
      totalPages: (b) => (b as { data: { total_pages: number } }).data.total_pages,
    };
    const { fetchPage, queries } = scripted([{ data: { items: [1, 2], total_pages: 2 } }, { data: { items: [3], total_pages: 2 } }]);
    expect(await new Paginator(fetchPage, style, "/things", {}).toArray()).toEqual([1, 2, 3]);
    expect(queries.map((q) => q.page)).toEqual([1, 2]);
  });

  it("page/limit with only a total (AIPTx reports style)", async () => {
    const style: PaginationStyle = {
      kind: "page", pageParam: "page", sizeParam: "limit", defaultSize: 2, items: itemsOf("data"),
      totalPages: () => undefined,
      total: (b) => (b as { pagination: { total: number } }).pagination.total,
    };
    const { fetchPage, queries } = scripted([
      { data: [1, 2], pagination: { total: 4 } },
      { data: [3, 4], pagination: { total: 4 } },
    ]);
    expect(await new Paginator(fetchPage, style, "/things", {}).toArray()).toEqual([1, 2, 3, 4]);
    expect(queries).toHaveLength(2);
  });

  it("limit/offset ending on a short page (Ayliea style)", async () => {
    const style: PaginationStyle = { kind: "offset", limitParam: "limit", offsetParam: "offset", defaultSize: 2, items: itemsOf("recommendations") };
    const { fetchPage, queries } = scripted([{ recommendations: [1, 2] }, { recommendations: [3, 4] }, { recommendations: [5] }]);
    expect(await new Paginator(fetchPage, style, "/things", {}).toArray()).toEqual([1, 2, 3, 4, 5]);
    expect(queries.map((q) => q.offset)).toEqual([0, 2, 4]);
  });

  it("limit/offset whose last page is exactly full asks once more and stops on the empty page", async () => {
    const style: PaginationStyle = { kind: "offset", limitParam: "limit", offsetParam: "offset", defaultSize: 2, items: itemsOf("x") };
    const { fetchPage, queries } = scripted([{ x: [1, 2] }, { x: [] }]);
    expect(await new Paginator(fetchPage, style, "/things", {}).toArray()).toEqual([1, 2]);
    expect(queries).toHaveLength(2);
  });

  it("maxItems and maxPages bound the walk; pages() exposes whole pages", async () => {
    const style: PaginationStyle = { kind: "offset", limitParam: "limit", offsetParam: "offset", defaultSize: 2, items: itemsOf("x") };
    const many = Array.from({ length: 10 }, (_, i) => ({ x: [i * 2, i * 2 + 1] }));
    const a = scripted(many);
    expect(await new Paginator(a.fetchPage, style, "/things", {}, { maxItems: 3 }).toArray()).toEqual([0, 1, 2]);
    expect(a.queries).toHaveLength(2);
    const b = scripted(many);
    const pages = [];
    for await (const page of new Paginator(b.fetchPage, style, "/things", {}, { maxPages: 2 }).pages()) pages.push(page.number);
    expect(pages).toEqual([0, 2]);
  });
});

/** A server that answers every request with `page(query)`, however often it is asked. */
function endless(page: (query: Query) => unknown) {
  const queries: Query[] = [];
  const fetchPage = async (query: Query) => {
    queries.push(query);
    return page(query);
  };
  return { fetchPage, queries };
}

const recordingLogger = () => ({ debug: vi.fn(), warn: vi.fn() }) satisfies Logger;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
// A bound the fixed paginator never reaches: before the fix these walks ran until it.
const safety = { maxPages: 50 };

describe("a server that ignores the position parameter", () => {
  it("page style without counts: stops at the repeated page, yields each item once and warns once", async () => {
    const style = dataWithPaginationObject("per_page", 3);
    const server = endless(() => ({ data: ["a", "b", "c"] }));
    const logger = recordingLogger();
    expect(await new Paginator(server.fetchPage, style, "/clients/{id}/competitors", {}, safety, logger).toArray()).toEqual(["a", "b", "c"]);
    expect(server.queries.map((q) => q.page)).toEqual([1, 2]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]![0]).toMatch(/GET \/clients\/\{id\}\/competitors stopped.*page=2 repeats the previous one.*ignore "page"/);
  });

  it("page style whose counts promise more pages than the server will serve (a proxy dropping the query)", async () => {
    const style = dataWithPaginationObject("per_page", 2);
    const server = endless(() => ({ data: [{ id: 1 }, { id: 2 }], pagination: { page: 1, per_page: 2, total: 240, total_pages: 120 } }));
    const items = await new Paginator(server.fetchPage, style, "/clients", {}, safety, recordingLogger()).toArray();
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
    expect(server.queries).toHaveLength(2);
  });

  it("limit/offset style (Ayliea lists have no counts): stops when the next offset brings the same items", async () => {
    const style: PaginationStyle = { kind: "offset", limitParam: "limit", offsetParam: "offset", defaultSize: 4, items: itemsOf("x") };
    const server = endless(() => ({ x: range(0, 4) }));
    const logger = recordingLogger();
    expect(await new Paginator(server.fetchPage, style, "/recommendations", {}, safety, logger).toArray()).toEqual(range(0, 4));
    expect(server.queries.map((q) => q.offset)).toEqual([0, 4]);
    expect(logger.warn.mock.calls[0]![0]).toContain('ignore "offset"');
  });

  it("a page with nothing new (every item already on the previous page) ends the walk too", async () => {
    const style: PaginationStyle = { kind: "offset", limitParam: "limit", offsetParam: "offset", defaultSize: 3, items: itemsOf("x") };
    const { fetchPage, queries } = scripted([{ x: [1, 2, 3] }, { x: [3, 2, 1] }]);
    expect(await new Paginator(fetchPage, style, "/things", {}, safety).toArray()).toEqual([1, 2, 3]);
    expect(queries).toHaveLength(2);
  });

  it("a page that shares only some items with the previous one (a row inserted meanwhile) does not stop the walk", async () => {
    const style: PaginationStyle = { kind: "offset", limitParam: "limit", offsetParam: "offset", defaultSize: 3, items: itemsOf("x") };
    const logger = recordingLogger();
    const { fetchPage } = scripted([{ x: [1, 2, 3] }, { x: [3, 4, 5] }, { x: [6] }]);
    expect(await new Paginator(fetchPage, style, "/things", {}, safety, logger).toArray()).toEqual([1, 2, 3, 3, 4, 5, 6]);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});

/** Serves `total` numbered items in pages of at most `cap`, whatever size is asked for. */
function capped(total: number, cap: number, pagination: (page: number, size: number) => Record<string, unknown>) {
  return endless((query) => {
    const page = Number(query.page);
    const size = Math.min(Number(query.per_page), cap);
    return { data: range((page - 1) * size, Math.min(page * size, total)), pagination: pagination(page, size) };
  });
}

describe("count rules use what the server reports", () => {
  const style = dataWithPaginationObject("per_page", 100);

  it("`total` with a server that serves fewer per page than asked (150 items, 50 a page): every item", async () => {
    const server = capped(150, 50, (page, size) => ({ page, per_page: size, total: 150 }));
    expect(await new Paginator(server.fetchPage, style, "/clients", {}, safety).toArray()).toEqual(range(0, 150));
    expect(server.queries.map((q) => q.page)).toEqual([1, 2, 3]);
  });

  it("`total` when the server caps the size without saying so: counts the items it got", async () => {
    const server = capped(150, 50, () => ({ total: 150 }));
    expect(await new Paginator(server.fetchPage, style, "/clients", {}, safety).toArray()).toEqual(range(0, 150));
    expect(server.queries).toHaveLength(3);
  });

  it("`total` when the walk starts at a later page counts the pages before it at the served size", async () => {
    const server = capped(150, 50, (page, size) => ({ page, per_page: size, total: 150 }));
    expect(await new Paginator(server.fetchPage, style, "/clients", { page: 2 }, safety).toArray()).toEqual(range(50, 150));
    expect(server.queries.map((q) => q.page)).toEqual([2, 3]);
  });

  it("`total_pages: null` is no page count: the walk goes on by `total`", async () => {
    const server = capped(150, 50, (page, size) => ({ page, per_page: size, total: 150, total_pages: null }));
    expect(await new Paginator(server.fetchPage, style, "/clients", {}, safety).toArray()).toEqual(range(0, 150));
    expect(server.queries).toHaveLength(3);
  });

  it("`total_pages` and `total` both null: the walk ends on the short page, at the size the server used", async () => {
    const server = capped(120, 50, (page, size) => ({ page, per_page: size, total: null, total_pages: null }));
    expect(await new Paginator(server.fetchPage, style, "/clients", {}, safety).toArray()).toEqual(range(0, 120));
    expect(server.queries).toHaveLength(3);
  });
});

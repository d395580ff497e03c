// One paginator, four vendor styles: each stops exactly at the last page and requests nothing past it.
import { describe, expect, it } from "vitest";
import { Paginator, type PaginationStyle } from "../../src/core/paginate.js";

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

// One paginator for the vendors' four styles: page/size numbers with a page count or a total,
// and limit/offset that ends on a short page. `for await` yields items; `.pages()` yields pages.
export type PaginationStyle =
  | {
      kind: "page";
      pageParam: string;
      sizeParam: string;
      /** Page size used when the caller sets none (the vendor's maximum, to save requests). */
      defaultSize: number;
      /** The page's items; `path` is the list endpoint, for vendors whose lists differ by endpoint. */
      items: (body: unknown, path: string) => unknown[];
      totalPages?: (body: unknown) => number | undefined;
      total?: (body: unknown) => number | undefined;
    }
  | {
      kind: "offset";
      limitParam: string;
      offsetParam: string;
      defaultSize: number;
      items: (body: unknown, path: string) => unknown[];
    };

type EnvelopeList = { data?: unknown; pagination?: { total?: number; total_pages?: number } };

/**
 * Page-numbered lists that put their rows in a top-level `data` array and their counts in a
 * `pagination` object (`total_pages`, else `total`; neither → stop on a short page).
 */
export function dataWithPaginationObject(sizeParam: string, defaultSize: number): PaginationStyle {
  return {
    kind: "page",
    pageParam: "page",
    sizeParam,
    defaultSize,
    items: (body) => {
      const data = (body as EnvelopeList | undefined)?.data;
      return Array.isArray(data) ? data : [];
    },
    totalPages: (body) => (body as EnvelopeList | undefined)?.pagination?.total_pages,
    total: (body) => (body as EnvelopeList | undefined)?.pagination?.total,
  };
}

export interface PageBounds {
  /** Stop after this many items in all. */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
}

export interface Page<T> {
  items: T[];
  /** The whole response body of this page. */
  body: unknown;
  /** 1-based page number, or the offset for limit/offset styles. */
  number: number;
}

type Query = Record<string, unknown>;

export class Paginator<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: (query: Query) => Promise<unknown>,
    private readonly style: PaginationStyle,
    private readonly path: string,
    private readonly query: Query,
    private readonly bounds: PageBounds = {},
  ) {}

  async *pages(): AsyncGenerator<Page<T>> {
    const style = this.style;
    const sizeParam = style.kind === "page" ? style.sizeParam : style.limitParam;
    const size = Number(this.query[sizeParam] ?? style.defaultSize);
    let position = Number(
      style.kind === "page" ? (this.query[style.pageParam] ?? 1) : (this.query[style.offsetParam] ?? 0),
    );
    let fetched = 0;
    for (let pageCount = 0; pageCount < (this.bounds.maxPages ?? Infinity); pageCount++) {
      const positionParam = style.kind === "page" ? style.pageParam : style.offsetParam;
      const body = await this.fetchPage({ ...this.query, [sizeParam]: size, [positionParam]: position });
      const items = style.items(body, this.path) as T[];
      fetched += items.length;
      yield { items, body, number: position };
      if (items.length === 0 || fetched >= (this.bounds.maxItems ?? Infinity)) return;
      if (style.kind === "offset") {
        if (items.length < size) return;
        position += items.length;
        continue;
      }
      const totalPages = style.totalPages?.(body);
      const total = style.total?.(body);
      if (totalPages !== undefined) {
        if (position >= totalPages) return;
      } else if (total !== undefined) {
        if (position * size >= total) return;
      } else if (items.length < size) return;
      position += 1;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    let left = this.bounds.maxItems ?? Infinity;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        if (left-- <= 0) return;
        yield item;
      }
    }
  }

  /** Collects every item (within the bounds) into an array. */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}

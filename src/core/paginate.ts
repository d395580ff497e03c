// One paginator for the vendors' four styles: page/size numbers with a page count or a total,
// and limit/offset that ends on a short page. `for await` yields items; `.pages()` yields pages.
// Every style also ends on a page that repeats the previous one, so no server can make it loop.
import { lazy } from "./lazy.js";
import { silentLogger, type Logger } from "./logger.js";

export type PaginationStyle =
  | {
      kind: "page";
      pageParam: string;
      sizeParam: string;
      /** Page size used when the caller sets none (the vendor's maximum, to save requests). */
      defaultSize: number;
      /** The page's items; `path` is the list endpoint, for vendors whose lists differ by endpoint. */
      items: (body: unknown, path: string) => unknown[];
      // The counts as the body carries them; the paginator trusts only finite numbers ≥ 0.
      totalPages?: (body: unknown) => unknown;
      total?: (body: unknown) => unknown;
      /** The page size the server says it used, which may be smaller than the one asked for. */
      pageSize?: (body: unknown) => unknown;
    }
  | {
      kind: "offset";
      limitParam: string;
      offsetParam: string;
      defaultSize: number;
      items: (body: unknown, path: string) => unknown[];
    };

type EnvelopeList = { data?: unknown; pagination?: Record<string, unknown> };

/**
 * Page-numbered lists that put their rows in a top-level `data` array and their counts in a
 * `pagination` object: `total_pages`, else `total`, and the size used under the name of the
 * size parameter (`per_page`, `limit`); no counts → stop on a short page.
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
    pageSize: (body) => (body as EnvelopeList | undefined)?.pagination?.[sizeParam],
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

// The walk itself (page-walk.ts) loads with the first list walked, not with the entry.
const loadPageWalk = lazy(() => import("./page-walk.js"));

export class Paginator<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: (query: Query) => Promise<unknown>,
    private readonly style: PaginationStyle,
    private readonly path: string,
    private readonly query: Query,
    private readonly bounds: PageBounds = {},
    private readonly logger: Logger = silentLogger,
  ) {}

  async *pages(): AsyncGenerator<Page<T>> {
    const { walkPages } = await loadPageWalk();
    const { fetchPage, style, path, query, bounds, logger } = this;
    yield* walkPages<T>({ fetchPage, style, path, query, bounds, logger });
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

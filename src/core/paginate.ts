// One paginator for the vendors' four styles: page/size numbers with a page count or a total,
// and limit/offset that ends on a short page. `for await` yields items; `.pages()` yields pages.
// Every style also ends on a page that repeats the previous one, so no server can make it loop.
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

/** A count the server reported, or undefined: `null`, a string or a negative number is no count. */
function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Item identities for telling a repeated page apart; items are JSON, so their text is who they are. */
const keysOf = (items: unknown[]) => new Set(items.map((item) => JSON.stringify(item)));

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
    const style = this.style;
    const sizeParam = style.kind === "page" ? style.sizeParam : style.limitParam;
    const positionParam = style.kind === "page" ? style.pageParam : style.offsetParam;
    const size = Number(this.query[sizeParam] ?? style.defaultSize);
    const start = Number(this.query[positionParam] ?? (style.kind === "page" ? 1 : 0));
    let position = start;
    let fetched = 0;
    let previous = new Set<string>();
    for (let pageCount = 0; pageCount < (this.bounds.maxPages ?? Infinity); pageCount++) {
      const body = await this.fetchPage({ ...this.query, [sizeParam]: size, [positionParam]: position });
      const items = style.items(body, this.path) as T[];
      const keys = keysOf(items);
      // A server (or a proxy) that ignores the position parameter answers the same page again
      // and again; without this check the walk would never end.
      if (items.length > 0 && [...keys].every((key) => previous.has(key))) {
        this.logger.warn(
          `pagination of GET ${this.path} stopped: the page at ${positionParam}=${position} repeats the previous one, so the server ` +
            `seems to ignore "${positionParam}" (a proxy dropping the query string?) and later items may be missing.`,
          { path: this.path, [positionParam]: position, items: items.length },
        );
        return;
      }
      previous = keys;
      fetched += items.length;
      yield { items, body, number: position };
      if (items.length === 0 || fetched >= (this.bounds.maxItems ?? Infinity)) return;
      if (style.kind === "offset") {
        if (items.length < size) return;
        position += items.length;
        continue;
      }
      // The server may cap the size asked for; every rule counts with the size it used.
      const served = count(style.pageSize?.(body)) || size;
      const totalPages = count(style.totalPages?.(body));
      const total = count(style.total?.(body));
      if (totalPages !== undefined) {
        if (position >= totalPages) return;
      } else if (total !== undefined) {
        if ((start - 1) * served + fetched >= total) return;
      } else if (items.length < served) return;
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

// The walk behind Paginator.pages(), loaded with the first list walked, so an app that never
// paginates does not load it.
import type { Logger } from "./logger.js";
import type { Page, PageBounds, PaginationStyle } from "./paginate.js";

type Query = Record<string, unknown>;

/** What a Paginator was made with. */
export interface PageSource {
  fetchPage: (query: Query) => Promise<unknown>;
  style: PaginationStyle;
  path: string;
  query: Query;
  bounds: PageBounds;
  logger: Logger;
}

/** A count the server reported, or undefined: `null`, a string or a negative number is no count. */
function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Item identities for telling a repeated page apart; items are JSON, so their text is who they are. */
const keysOf = (items: unknown[]) => new Set(items.map((item) => JSON.stringify(item)));

export async function* walkPages<T>(source: PageSource): AsyncGenerator<Page<T>> {
  const style = source.style;
  const sizeParam = style.kind === "page" ? style.sizeParam : style.limitParam;
  const positionParam = style.kind === "page" ? style.pageParam : style.offsetParam;
  const size = Number(source.query[sizeParam] ?? style.defaultSize);
  const start = Number(source.query[positionParam] ?? (style.kind === "page" ? 1 : 0));
  let position = start;
  let fetched = 0;
  let previous = new Set<string>();
  for (let pageCount = 0; pageCount < (source.bounds.maxPages ?? Infinity); pageCount++) {
    const body = await source.fetchPage({ ...source.query, [sizeParam]: size, [positionParam]: position });
    const items = style.items(body, source.path) as T[];
    const keys = keysOf(items);
    // A server (or a proxy) that ignores the position parameter answers the same page again
    // and again; without this check the walk would never end.
    if (items.length > 0 && [...keys].every((key) => previous.has(key))) {
      source.logger.warn(
        `pagination of GET ${source.path} stopped: the page at ${positionParam}=${position} repeats the previous one, so the server ` +
          `seems to ignore "${positionParam}" (a proxy dropping the query string?) and later items may be missing.`,
        { path: source.path, [positionParam]: position, items: items.length },
      );
      return;
    }
    previous = keys;
    fetched += items.length;
    yield { items, body, number: position };
    if (items.length === 0 || fetched >= (source.bounds.maxItems ?? Infinity)) return;
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

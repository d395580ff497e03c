// Which operation a request is for, as the spec means it: a literal segment wins over a
// parameter (`/findings/stats` is not `/findings/{finding_id}`), whatever order MSW tries
// handlers in, and an override added with server.use() cannot steal a neighbour's requests.
import type { OperationSpec } from "./spec-operations.js";

interface Route {
  operation: OperationSpec;
  pattern: RegExp;
  /** Literal segments first: compared segment by segment, 0 for a literal, 1 for a parameter. */
  rank: number[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function routes(operations: OperationSpec[]): Route[] {
  return operations.map((operation) => {
    const segments = operation.path.split("/").slice(1);
    const pattern = segments.map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : escape(s))).join("/");
    return { operation, pattern: new RegExp(`^/${pattern}/?$`), rank: segments.map((s) => (s.startsWith("{") ? 1 : 0)) };
  });
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every operation whose path matches, the most literal first. */
export function matching(table: Route[], pathname: string): OperationSpec[] {
  return table
    .filter((r) => r.pattern.test(pathname))
    .sort((a, b) => compare(a.rank, b.rank))
    .map((r) => r.operation);
}

/** The request's path below the base URL, or undefined when it is not under it. */
export function relativePath(baseUrl: string, requestUrl: string): string | undefined {
  const base = new URL(baseUrl);
  const url = new URL(requestUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  if (url.origin !== base.origin || !url.pathname.startsWith(`${prefix}/`)) return undefined;
  return url.pathname.slice(prefix.length);
}

/**
 * The path parameters of `pathname` (below the base URL) for `operation`, each decoded once, as
 * Prism decodes them: MSW hands them over decoded already, and decoding `100%` again would throw.
 * A segment that is not valid percent-encoding is kept as sent.
 */
export function pathParameters(operation: OperationSpec, pathname: string): Record<string, string> {
  const names = operation.path.split("/");
  const values = pathname.replace(/\/$/, "").split("/");
  const params: Record<string, string> = {};
  names.forEach((segment, i) => {
    const name = /^\{([^}]+)\}$/.exec(segment)?.[1];
    if (name === undefined || values[i] === undefined) return;
    try {
      params[name] = decodeURIComponent(values[i]!);
    } catch {
      params[name] = values[i]!;
    }
  });
  return params;
}

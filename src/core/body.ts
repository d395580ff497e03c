// Turns a 2xx answer whose body cannot be used into a typed error instead of a SyntaxError deep
// inside the fetch library: HTML, truncated JSON, an empty body, a wrong content type, a
// connection that broke or stalled mid-body. The client has openapi-fetch read JSON bodies as
// text and parses them here, once.
import { MalformedResponseError, snippet, TimeoutError, type ErrorContext, type VendorError } from "./errors.js";

/** application/json, application/problem+json, application/sarif+json … */
export const isJsonType = (type: string) => /[/+]json\b/i.test(type);

/**
 * The parsed JSON of a success body read as text. `lenient` (an operation the spec gives no JSON
 * body, read as openapi-fetch would): no content-type check, and an empty body is undefined.
 */
export function parseJsonBody(body: string, response: Response, context: ErrorContext, lenient = false): unknown {
  const type = response.headers.get("content-type") ?? "";
  const fail = (what: string) => {
    // Redacted (the client's own key) before it is cut, so no part of a key survives the cut.
    const start = snippet(body, context.redact);
    return new MalformedResponseError(
      `${context.displayName ?? context.vendor} answered ${context.operation} with HTTP ${response.status} but ${what}. ` +
        `Retry later; if it persists, report it with request id ${context.requestId ?? "unknown"}. ` +
        `Body starts: ${JSON.stringify(start)}`,
      { ...context, status: response.status, body: start },
    );
  };
  const empty = () => /^\s*$/.test(body);
  if (lenient && empty()) return undefined;
  if (!lenient && !isJsonType(type)) throw fail(empty() ? "an empty body where JSON was expected" : `content type "${type || "none"}" where JSON was expected`);
  try {
    return JSON.parse(body);
  } catch {
    throw fail(empty() ? "an empty body where JSON was expected" : "a body that is not valid JSON (truncated or corrupted)");
  }
}

/** The answer arrived but reading its body failed: the connection broke, or the attempt timed out. */
export function bodyReadFailed(response: Response, context: ErrorContext, cause: unknown, timeoutMs: number): VendorError {
  const who = `${context.displayName ?? context.vendor} answered ${context.operation} with HTTP ${response.status} but`;
  if ((cause as { name?: string } | undefined)?.name === "TimeoutError") {
    return new TimeoutError(
      `${who} the body did not arrive within ${timeoutMs} ms. Raise timeoutMs or retry later; request id ${context.requestId ?? "unknown"}.`,
      context,
      { cause },
    );
  }
  return new MalformedResponseError(
    `${who} the connection broke while the body was being read. Retry; request id ${context.requestId ?? "unknown"}.`,
    { ...context, status: response.status, cause },
  );
}

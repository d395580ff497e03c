// Turns a 2xx answer whose body cannot be used into a typed error instead of a SyntaxError deep
// inside the fetch library: HTML, truncated JSON, an empty body, a wrong content type.
import { MalformedResponseError, snippet, type ErrorContext } from "./errors.js";

/** Reads a JSON success body once, checks it parses, and hands back an equivalent Response. */
export async function ensureJsonBody(response: Response, context: ErrorContext): Promise<Response> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new MalformedResponseError(
      `${context.displayName ?? context.vendor} answered ${context.operation} with HTTP ${response.status} but the ` +
        `connection broke while the body was being read. Retry; request id ${context.requestId ?? "unknown"}.`,
      { ...context, status: response.status, cause: error },
    );
  }
  const type = response.headers.get("content-type") ?? "";
  const fail = (what: string) =>
    new MalformedResponseError(
      `${context.displayName ?? context.vendor} answered ${context.operation} with HTTP ${response.status} but ${what}. ` +
        `Retry later; if it persists, report it with request id ${context.requestId ?? "unknown"}. ` +
        `Body starts: ${JSON.stringify(snippet(text))}`,
      { ...context, status: response.status, body: snippet(text) },
    );
  if (text.trim() === "") throw fail("an empty body where JSON was expected");
  if (!/[/+]json\b/i.test(type)) throw fail(`content type "${type || "none"}" where JSON was expected`);
  try {
    JSON.parse(text);
  } catch {
    throw fail("a body that is not valid JSON (truncated or corrupted)");
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

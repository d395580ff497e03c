// What one answer proves. Only a success status the spec declares, in a media type it declares,
// with a body and headers that keep to the spec, counts as checked. A declared error status (401,
// 403, 429, 5xx, or a 404 for an example id the upstream does not hold) proves nothing and is
// skipped. A redirect, an undeclared status, a 404 where the request names no resource (so the
// path itself is missing), and a success whose body is empty, cut off, not JSON or off-spec are
// violations.
import type { ResponseOracle } from "./response-oracle.js";
import type { SpecOperation } from "./spec-examples.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Why the body is incomplete, when the upstream cut it off. */
  broken?: string;
}

/** A JSON body that parsed, and the pointer of the schema it was judged by (the drift report reads both). */
export interface JsonAnswer {
  body: unknown;
  schemaPointer: string;
}

export type Verdict =
  | { kind: "checked"; json?: JsonAnswer }
  | { kind: "skipped"; reason: string }
  | { kind: "violations"; problems: string[]; json?: JsonAnswer };

export interface Probed {
  path: string;
  method: string;
  op: SpecOperation;
  /** The request names a resource (an id in the path, a required query parameter): a 404 may be the example id's. */
  namesResource: boolean;
}

const isJson = (media: string) => media === "application/json" || media.endsWith("+json");
const mediaOf = (headers: Headers) => (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
/** Origin and path only: a Location's query may hold a signature or a token. */
const shown = (url: URL) => `${url.origin}${url.pathname}`;
/** A short, single-line taste of a body that is not what the spec declares. */
const taste = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function judge(oracle: ResponseOracle, probed: Probed, answer: Answer, requestUrl: URL): Verdict {
  const { status } = answer;
  const responses = probed.op.responses ?? {};
  const violation = (...problems: string[]): Verdict => ({ kind: "violations", problems });
  if (status >= 300 && status < 400) return violation(redirectProblem(answer, requestUrl));
  const declared = oracle.response(probed.path, probed.method, responses, status);
  if (!declared) return violation(`status ${status} is not one the spec declares (${Object.keys(responses).join(", ")})`);
  if (status === 404 && !probed.namesResource) {
    return violation("404 for an operation that names no resource: the path is missing upstream (is the base path of --upstream right?)");
  }
  if (status < 200 || status > 299) {
    return { kind: "skipped", reason: status === 404 ? "the example id does not exist upstream" : "an error status, so the success answer was not seen" };
  }
  const problems = oracle.checkHeaders(declared.response, declared.pointer, answer.headers);
  const media = Object.keys(declared.response.content ?? {});
  if (!media.length) return finish(answer.text === "" ? problems : [...problems, `a body (${taste(answer.text)}) where the spec declares none`]);
  if (answer.broken) return violation(...problems, `the body is incomplete: ${answer.broken}`);
  const sent = mediaOf(answer.headers);
  if (answer.text === "") return violation(...problems, `an empty body where the spec declares ${media.join(", ")}`);
  if (!media.includes(sent)) {
    return violation(...problems, `content-type ${sent || "(none)"} is not one the spec declares for ${status} (${media.join(", ")}); the body starts ${taste(answer.text)}`);
  }
  if (!isJson(sent)) return finish(problems);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch (error) {
    return violation(...problems, `the body is not valid JSON (${(error as Error).message}; cut off?): it ends ${taste(answer.text.slice(-60))}`);
  }
  const schemaPointer = `${declared.pointer}/content/${sent.replace(/~/g, "~0").replace(/\//g, "~1")}/schema`;
  const json = { body, schemaPointer };
  return finish([...problems, ...oracle.check(schemaPointer, body, "body")], json);
}

function finish(problems: string[], json?: JsonAnswer): Verdict {
  return problems.length ? { kind: "violations", problems, ...(json && { json }) } : { kind: "checked", ...(json && { json }) };
}

function redirectProblem(answer: Answer, requestUrl: URL): string {
  const location = answer.headers.get("location");
  if (!location) return `status ${answer.status} (a redirect) without a Location`;
  let target: URL;
  try {
    target = new URL(location, requestUrl);
  } catch {
    return `redirect (${answer.status}) to an unreadable Location, not followed`;
  }
  const where = target.origin === requestUrl.origin ? `${target.pathname} on the same origin` : shown(target);
  return `redirect (${answer.status}) to ${where}: not followed, so the key went to ${requestUrl.origin} only; the spec declares no redirect (point --upstream at where the API answers)`;
}

// The vendors' retirement signals on an answer: `Deprecation` (RFC 9745's `@<epoch seconds>`, or
// the older draft's HTTP-date or `true`), `Sunset` (an HTTP-date, RFC 8594) and `Link` with
// rel="deprecation" or rel="sunset". Exported from the package root, so tools (verify) list them too.
import { parseHttpDate } from "./retry.js";

export interface DeprecationNotice {
  /** A well-formed `Deprecation` header was sent (`@<epoch>`, an HTTP-date or `true`). */
  deprecated: boolean;
  /** When the operation is (or was) deprecated, if the header gave a date. */
  deprecatedAt?: Date;
  /** When it stops working (`Sunset`). */
  sunsetAt?: Date;
  /** Where the vendor explains the deprecation (`Link: <…>; rel="deprecation"`). */
  deprecationLink?: string;
  /** Where the vendor explains the sunset (`Link: <…>; rel="sunset"`). */
  sunsetLink?: string;
}

function deprecationDate(value: string): Date | undefined {
  const epoch = /^@(-?\d+)$/.exec(value.trim());
  if (epoch) return new Date(Number(epoch[1]) * 1000);
  const date = parseHttpDate(value.trim());
  return date === undefined ? undefined : new Date(date);
}

/** Every `<target>; rel="…"` of a Link header, by each of its rel values. */
export function linksByRel(link: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, target, params] of link.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params!);
    for (const name of (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/)) if (name && !out.has(name)) out.set(name, target!);
  }
  return out;
}

/**
 * The notice the headers carry, or undefined when they carry none. A malformed value counts as
 * absent (as a malformed Retry-After does): a mock that fills an undocumented header with a
 * placeholder such as "string" must not announce a retirement nobody scheduled.
 */
export function parseDeprecation(headers: Headers): DeprecationNotice | undefined {
  const deprecation = headers.get("deprecation")?.trim();
  const sunset = headers.get("sunset");
  const link = headers.get("link");
  const links = link && /deprecation|sunset/i.test(link) ? linksByRel(link) : undefined;
  const deprecationLink = links?.get("deprecation");
  const sunsetLink = links?.get("sunset");
  const at = deprecation ? deprecationDate(deprecation) : undefined;
  const deprecated = at !== undefined || deprecation?.toLowerCase() === "true";
  const sunsetDate = sunset === null ? undefined : parseHttpDate(sunset.trim());
  if (!deprecated && sunsetDate === undefined && !deprecationLink && !sunsetLink) return undefined;
  const notice: DeprecationNotice = { deprecated };
  if (at) notice.deprecatedAt = at;
  if (sunsetDate !== undefined) notice.sunsetAt = new Date(sunsetDate);
  if (deprecationLink) notice.deprecationLink = deprecationLink;
  if (sunsetLink) notice.sunsetLink = sunsetLink;
  return notice;
}

/** One sentence about a notice, for a warning. */
export function describeNotice(notice: DeprecationNotice): string {
  const parts = [
    notice.deprecatedAt ? `deprecated since ${notice.deprecatedAt.toISOString()}` : notice.deprecated ? "deprecated" : undefined,
    notice.sunsetAt ? `sunset at ${notice.sunsetAt.toISOString()}` : undefined,
    notice.deprecationLink ? `see ${notice.deprecationLink}` : undefined,
    notice.sunsetLink && notice.sunsetLink !== notice.deprecationLink ? `sunset notes ${notice.sunsetLink}` : undefined,
  ];
  return parts.filter(Boolean).join("; ");
}

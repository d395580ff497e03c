// RFC 9457 problem details (`application/problem+json`): what Prism and many gateways answer in
// front of a vendor. A body in that shape, whatever the vendor's own error shape is, gives the
// error message its `title` and `detail`, so "Route not resolved, no path matched" is not lost.

/** "title: detail" for a problem+json body, or undefined when the body is not one. */
export function problemMessage(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const { type, title, status, detail } = body as Record<string, unknown>;
  // `title` alone is too common a field name; a problem also has a `type` URI or a numeric `status`.
  if (typeof title !== "string" || !title || (typeof type !== "string" && typeof status !== "number")) return undefined;
  return typeof detail === "string" && detail && detail !== title ? `${title}: ${detail}` : title;
}

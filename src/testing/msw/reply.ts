// Turns an answer (status, media type, example or override, headers) into the MSW response.
import { HttpResponse } from "./load-msw.js";
import type { MediaSpec } from "./spec-operations.js";

export function isJson(mediaType: string | undefined): boolean {
  return mediaType !== undefined && /[/+]json$/i.test(mediaType.split(";")[0]!.trim());
}

export function reply(status: number, media: MediaSpec | undefined, body: unknown, headers: Record<string, string>): Response {
  const all = new Headers(headers);
  if (media === undefined || body === undefined) return new HttpResponse(null, { status, headers: all });
  all.set("Content-Type", media.mediaType);
  const payload = isJson(media.mediaType) ? JSON.stringify(body) : (body as BodyInit);
  return new HttpResponse(payload, { status, headers: all });
}

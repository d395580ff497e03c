// The answer Prism's static mode gives: the lowest declared 2xx status (or the one a
// `Prefer: code=` header asks for), the media type the Accept header picks, the first example
// (or the one `Prefer: example=` names), and the response's declared headers with their examples.
import type { MediaSpec, OperationSpec, ResponseSpec } from "./spec-operations.js";

export interface StaticAnswer {
  status: number;
  media: MediaSpec | undefined;
  body: unknown;
  headers: Record<string, string>;
}

/** `2XX` answers as 200, like Prism. */
export function statusNumber(status: string): number {
  return /^\dXX$/i.test(status) ? Number(status[0]) * 100 : Number(status);
}

function preference(prefer: string | null, name: string): string | undefined {
  const match = prefer?.match(new RegExp(`(?:^|[,;\\s])${name}=([^,;\\s]+)`));
  return match?.[1];
}

export function defaultSuccess(operation: OperationSpec): ResponseSpec | undefined {
  const exact = operation.responses
    .filter((r) => /^2\d\d$/.test(r.status))
    .sort((a, b) => Number(a.status) - Number(b.status));
  return exact[0] ?? operation.responses.find((r) => /^2XX$/i.test(r.status));
}

function accepts(accept: string | null, mediaType: string): boolean {
  if (!accept) return true;
  return accept.split(",").some((part) => {
    const wanted = part.split(";")[0]!.trim().toLowerCase();
    if (wanted === "*/*" || wanted === mediaType) return true;
    return wanted.endsWith("/*") && mediaType.startsWith(wanted.slice(0, -1));
  });
}

export function negotiate(response: ResponseSpec, accept: string | null): MediaSpec | undefined {
  return response.content.find((c) => accepts(accept, c.mediaType)) ?? response.content[0];
}

export function staticAnswer(operation: OperationSpec, request: Request): StaticAnswer | undefined {
  const prefer = request.headers.get("prefer");
  const code = preference(prefer, "code");
  const response = code ? operation.responses.find((r) => r.status === code) : defaultSuccess(operation);
  if (!response) return undefined;
  const media = negotiate(response, request.headers.get("accept"));
  const name = preference(prefer, "example");
  const example = (name ? media?.examples.find((e) => e.name === name) : undefined) ?? media?.examples[0];
  return { status: statusNumber(response.status), media, body: example?.value, headers: response.headers };
}

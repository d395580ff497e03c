// How a success body is read: by what the spec declares for the operation and the caller's
// parseAs, always within the attempt's deadline and under its byte bound (read-body.ts).
// Operations whose spec declares only JSON parse it, and any other content type is malformed.
// Operations that declare other media types (PDF, CSV …), read without parseAs, give the parsed
// JSON when the answer is JSON and the bytes otherwise; a type the spec does not declare is an error.
import { isJsonType, parseJsonBody } from "./body.js";
import { ConfigurationError, MalformedResponseError, type ErrorContext } from "./errors.js";
import type { OperationInfo } from "./operation.js";
import { decodeText, guardStream, readBytes } from "./read-body.js";

export type ReadMode = "json" | "auto" | "lenient" | "text" | "arrayBuffer" | "blob" | "stream";
const PARSE_AS = ["json", "text", "arrayBuffer", "blob", "stream"];

export interface BodyLimits {
  /** For bodies parsed as JSON. */
  json: number;
  /** For everything else (downloads): unbounded unless the caller set maxResponseBytes. */
  other: number;
}

/** Does the spec declare a success media type other than JSON (a PDF, a CSV …)? Once per operation. */
export const declaresNonJson = (op: OperationInfo | undefined) => !!op?.mediaTypes.some((type) => !isJsonType(type));

export function readMode(op: OperationInfo | undefined, nonJson: boolean, parseAs: string | undefined, context: ErrorContext): ReadMode {
  if (parseAs === undefined) return nonJson ? "auto" : op?.responseKind === "json" ? "json" : "lenient";
  if (parseAs === "json") return op?.responseKind === "json" ? "json" : "lenient";
  if (!PARSE_AS.includes(parseAs)) {
    throw new ConfigurationError(`${context.operation}: parseAs must be one of ${PARSE_AS.join(", ")}, got ${JSON.stringify(parseAs)}.`, context);
  }
  return parseAs as ReadMode;
}

const mediaTypeOf = (response: Response) => (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

function declared(op: OperationInfo, type: string): boolean {
  return op.mediaTypes.some((d) => {
    const name = d.toLowerCase();
    return name === type || name === "*/*" || (name.endsWith("/*") && type.startsWith(name.slice(0, -1)));
  });
}

function undeclared(op: OperationInfo, type: string, response: Response, context: ErrorContext) {
  return new MalformedResponseError(
    `${context.displayName ?? context.vendor} answered ${context.operation} with HTTP ${response.status} and content type ` +
      `"${type || "none"}", which the spec does not declare for it (it declares ${op.mediaTypes.join(", ")}). To read any ` +
      `content type, use the client's download helper for this operation, or pass parseAs: "arrayBuffer", "blob", "text" ` +
      `or "stream". Request id ${context.requestId ?? "unknown"}.`,
    { ...context, status: response.status },
  );
}

/** The `data` of a success answer that has a body. */
export async function readSuccess(
  response: Response,
  mode: ReadMode,
  op: OperationInfo | undefined,
  limits: BodyLimits,
  attempt: { signal?: AbortSignal; release?: () => void },
  context: ErrorContext,
): Promise<unknown> {
  const { signal } = attempt;
  const text = async (limit: number) => decodeText(await readBytes(response, limit, signal, context));
  switch (mode) {
    case "json":
      return parseJsonBody(await text(limits.json), response, context);
    case "lenient":
      return parseJsonBody(await text(limits.json), response, context, true);
    case "auto": {
      const type = mediaTypeOf(response);
      if (!declared(op!, type)) {
        response.body?.cancel().catch(() => {});
        throw undeclared(op!, type, response, context);
      }
      if (isJsonType(type)) return parseJsonBody(await text(limits.json), response, context);
      return readBytes(response, limits.other, signal, context);
    }
    case "text":
      return text(limits.other);
    case "arrayBuffer": {
      const bytes = await readBytes(response, limits.other, signal, context);
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    }
    case "blob":
      return new Blob([await readBytes(response, limits.other, signal, context)], { type: response.headers.get("content-type") ?? "" });
    case "stream":
      return guardStream(response, limits.other, signal!, attempt.release!, context);
  }
}

// Reads a body within its attempt's deadline and under a byte bound, whatever the transport does:
// the read ends when the attempt's signal aborts even if the stream never does, and a body over
// the bound fails as soon as that is known (Content-Length, or while it streams), never buffered
// whole. A stream handed to the caller releases its attempt when it ends, errors or is cancelled.
import { ResponseTooLargeError, type ErrorContext } from "./errors.js";
import { onAbort } from "./timeout.js";

const ignore = () => {};
const utf8 = new TextDecoder();
// Bytes fetch hands out: never a SharedArrayBuffer underneath.
type Bytes = Uint8Array<ArrayBuffer>;

export const decodeText = (bytes: Uint8Array) => utf8.decode(bytes);

function tooLarge(response: Response, limit: number, context: ErrorContext, declared?: number) {
  return new ResponseTooLargeError(
    `${context.displayName ?? context.vendor} answered ${context.operation} with HTTP ${response.status} and a body over ` +
      `maxResponseBytes (${limit} bytes${declared ? `; Content-Length says ${declared}` : ""}), so it was not read. ` +
      `If bodies that large are expected, raise maxResponseBytes for the client or for this call. ` +
      `Request id ${context.requestId ?? "unknown"}.`,
    { ...context, status: response.status },
    limit,
  );
}

/** A body whose Content-Length is over the bound: cancelled unread, and the error to fail with. */
function declaredTooLarge(response: Response, limit: number, context: ErrorContext): ResponseTooLargeError | undefined {
  const declared = Number(response.headers.get("content-length"));
  if (!(declared > limit)) return undefined;
  response.body?.cancel().catch(ignore);
  return tooLarge(response, limit, context, declared);
}

/** The whole body as bytes; rejects with the signal's reason, or a ResponseTooLargeError. */
export function readBytes(response: Response, limit: number, signal: AbortSignal | undefined, context: ErrorContext): Promise<Bytes> {
  const over = declaredTooLarge(response, limit, context);
  if (over) return Promise.reject(over);
  const { body } = response;
  if (!body) return Promise.resolve(new Uint8Array(0));
  const reader = body.getReader();
  return new Promise((resolve, reject) => {
    const chunks: Bytes[] = [];
    let size = 0;
    let settled = false;
    let stop: (() => void) | undefined;
    const finish = (error?: unknown) => {
      settled = true;
      stop?.();
      if (error === undefined) return resolve(join(chunks, size));
      // Not awaited: the transport's cancel may never settle.
      reader.cancel(error).catch(ignore);
      reject(error);
    };
    if (signal?.aborted) return finish(signal.reason);
    if (signal) stop = onAbort(signal, () => finish(signal.reason));
    const next = (): void =>
      void reader.read().then(
        ({ done, value }) => {
          if (settled) return;
          if (done) return finish();
          size += value.byteLength;
          if (size > limit) return finish(tooLarge(response, limit, context));
          chunks.push(value as Bytes);
          next();
        },
        (error: unknown) => {
          if (!settled) finish(error ?? new Error("the body stream failed"));
        },
      );
    next();
  });
}

function join(chunks: Bytes[], size: number): Bytes {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The body as a stream for the caller to read: it errors when the attempt's signal aborts (its
 * deadline, or the caller's abort) or when it passes `limit`, and `release` runs once, when it
 * ends, errors or is cancelled, so nothing stays on a long-lived caller signal. A Content-Length
 * already over `limit` throws at once, as a buffered read would.
 */
export function guardStream(
  response: Response,
  limit: number,
  signal: AbortSignal,
  release: () => void,
  context: ErrorContext,
): ReadableStream<Uint8Array> {
  const over = declaredTooLarge(response, limit, context);
  if (over) throw over;
  const reader = response.body!.getReader();
  let size = 0;
  let released = false;
  let stop: (() => void) | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const done = () => {
    if (released) return;
    released = true;
    stop?.();
    release();
  };
  const fail = (error: unknown) => {
    controller.error(error);
    reader.cancel(error).catch(ignore);
    done();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (signal.aborted) fail(signal.reason);
        else stop = onAbort(signal, () => fail(signal.reason));
      },
      async pull(c) {
        try {
          const { done: end, value } = await reader.read();
          if (released) return;
          if (end) {
            c.close();
            return done();
          }
          size += value.byteLength;
          if (size > limit) return fail(tooLarge(response, limit, context));
          c.enqueue(value);
        } catch (error) {
          if (!released) fail(error);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason).catch(ignore);
      },
    },
    { highWaterMark: 0 },
  );
}

// Statuses whose Response may not carry a body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** An error answer with its body already read (bounded, within the deadline), for openapi-fetch to parse. */
export async function bufferBody(response: Response, limit: number, signal: AbortSignal | undefined, context: ErrorContext): Promise<Response> {
  const bytes = await readBytes(response, limit, signal, context);
  const { status, statusText, headers } = response;
  return new Response(NULL_BODY.has(status) || !bytes.byteLength ? null : bytes, { status, statusText, headers });
}

// Types of the wrapped openapi-fetch methods: the same path/param/body inference, plus the
// per-call options and the request id on every result.
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, OkStatus, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { ValidationMode } from "./validate.js";

export interface CallOptions {
  /** Response (and request) validation for this call; overrides the client's `validate`. */
  validate?: ValidationMode;
  /** Per-attempt timeout for this call (1 to 2 147 483 647 ms); overrides the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Largest body this call reads, in bytes; overrides the client's `maxResponseBytes`. */
  maxResponseBytes?: number;
  /** Retries for this call; overrides the client's `maxRetries`. */
  maxRetries?: number;
  /**
   * Retry this call on timeouts, resets and 408/429/5xx even if it is a POST or PATCH. Only for
   * requests that are safe to repeat: the server may have acted on an earlier attempt.
   */
  retryNonIdempotent?: boolean;
}

type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & CallOptions)?] : [Init & CallOptions];

type JsonMedia = `${string}json${string}`;
type SuccessContent<T> = T extends { responses: infer R }
  ? { [S in keyof R]: S extends OkStatus ? (R[S] extends { content: infer C } ? C : never) : never }[keyof R]
  : never;
type KeysOf<U> = U extends unknown ? keyof U : never;
/** The JSON bodies of an operation's success answers (never when it declares none). */
type JsonBody<T> = SuccessContent<T> extends infer C ? (C extends unknown ? C[Extract<keyof C, JsonMedia>] : never) : never;
/** True when the spec declares a success media type other than JSON (a PDF, a CSV …). */
type DeclaresNonJson<T> = [Exclude<KeysOf<SuccessContent<T>>, JsonMedia>] extends [never] ? false : true;

/**
 * Without `parseAs`, an operation that declares non-JSON answers is read by the answer's content
 * type: the parsed JSON when it is JSON, the bytes otherwise.
 */
type ByContentType<T extends Record<string | number, any>, Init> = Init extends { parseAs: string }
  ? FetchResponse<T, Init, MediaType>
  : DeclaresNonJson<T> extends true
    ? Exclude<FetchResponse<T, Init, MediaType>, { error?: never }> | { data: JsonBody<T> | Uint8Array; error?: never; response: Response }
    : FetchResponse<T, Init, MediaType>;

export type CallResult<T extends Record<string | number, any>, Init> = ByContentType<T, Init> & {
  /** The X-Request-Id of this call: the server's echo, or the id the client sent. */
  requestId: string;
};

export type VendorMethod<Paths extends Record<string, any>, M extends HttpMethod> = <
  Path extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[Path], M>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<CallResult<Paths[Path][M], Init>>;

/** The JSON body of a GET path's 200 answer. */
export type GetJson<Paths, P extends keyof Paths> = Paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer B } } } };
}
  ? B
  : never;

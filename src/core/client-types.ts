// Types of the wrapped openapi-fetch methods: the same path/param/body inference, plus the
// per-call options and the request id on every result.
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
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

export type CallResult<T extends Record<string | number, any>, Init> = FetchResponse<T, Init, MediaType> & {
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

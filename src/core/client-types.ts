// Types of the wrapped openapi-fetch methods: the same path/param/body inference, plus the
// per-call options and the request id on every result.
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { PageBounds } from "./paginate.js";
import type { ValidationMode } from "./validate.js";

/**
 * The transport the client calls, once per attempt, as `fetch(url, init)` with a string URL.
 * The global fetch fits, and so does a custom one that takes only a string.
 */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface CallOptions {
  /** Response (and request) validation for this call; overrides the client's `validate`. */
  validate?: ValidationMode;
  /** Per-attempt timeout for this call; overrides the client's `timeoutMs`. */
  timeoutMs?: number;
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

/** What a client created with `throwOnError: true` returns: failures are thrown, so `data` is there. */
export type SuccessResult<T extends Record<string | number, any>, Init> = Extract<CallResult<T, Init>, { data: unknown }>;

/**
 * The option that picks a client's result type: `createXClient({ throwOnError: true })` infers
 * `Throws = true`; a `boolean` only known at run time keeps the result-style types.
 */
export type ThrowOption<Throws extends boolean> = { throwOnError?: Throws };

export type VendorMethod<Paths extends Record<string, any>, M extends HttpMethod, Throws extends boolean = false> = <
  Path extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[Path], M>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<[Throws] extends [true] ? SuccessResult<Paths[Path][M], Init> : CallResult<Paths[Path][M], Init>>;

/** The typed HTTP methods of a client over `Paths`. */
export interface VendorMethods<Paths extends Record<string, any>, Throws extends boolean = false> {
  GET: VendorMethod<Paths, "get", Throws>;
  PUT: VendorMethod<Paths, "put", Throws>;
  POST: VendorMethod<Paths, "post", Throws>;
  DELETE: VendorMethod<Paths, "delete", Throws>;
  PATCH: VendorMethod<Paths, "patch", Throws>;
  HEAD: VendorMethod<Paths, "head", Throws>;
}

/**
 * The arguments of `paginate(path, init?, bounds?)` for a path: `init` is required exactly when
 * `GET path` needs it (a required path or query parameter), as it is for `GET` itself.
 */
export type PaginateArgs<PathItem> =
  undefined extends MaybeOptionalInit<PathItem, "get" & keyof PathItem>
    ? [init?: NonNullable<MaybeOptionalInit<PathItem, "get" & keyof PathItem>> & CallOptions, bounds?: PageBounds]
    : [init: MaybeOptionalInit<PathItem, "get" & keyof PathItem> & CallOptions, bounds?: PageBounds];

/** The error body of a failed call (what `result.error` holds) for an operation. */
export type ErrorBody<Operation extends Record<string | number, any>> = NonNullable<CallResult<Operation, {}>["error"]>;

/** The JSON body of a GET path's 200 answer. */
export type GetJson<Paths, P extends keyof Paths> = Paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer B } } } };
}
  ? B
  : never;

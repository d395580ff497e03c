// Types of the wrapped openapi-fetch methods: the same path/param/body inference, plus the
// per-call options and the request id on every result.
import type { FetchResponse, MaybeOptionalInit } from "./fetch-types.js";
import type { HttpMethod, MediaType, OkStatus, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { DeprecationNotice } from "./deprecation.js";
import type { PageBounds } from "./paginate.js";
import type { Hooks } from "./pipeline/hooks.js";
import type { ValidationMode } from "./validate.js";

/**
 * The transport the client calls, once per attempt, as `fetch(url, init)` with a string URL.
 * The global fetch fits, and so does a custom one that takes only a string.
 */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

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
  /** Hooks for this call, run after the client's (once per attempt, inside the retry loop). */
  hooks?: Hooks;
  /**
   * Not per call: a client's baseUrl is checked once (https only, no user-info), and a call may
   * not send the key elsewhere. Create a client for another server.
   */
  baseUrl?: never;
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
  /** The vendor's Deprecation / Sunset / Link signals on this answer, when it sent any. */
  deprecation?: DeprecationNotice;
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

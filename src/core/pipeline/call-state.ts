// What the pipeline's steps share: the client's settings (built once per client) and one call's
// state (one object per call, filled in step by step), so no step needs a closure or a copy.
import type { FetchLike } from "../client-types.js";
import type { ErrorContext, RequestValidationError, ResponseValidationError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { OperationInfo } from "../operation.js";
import type { OperationChecks, SchemasFor } from "../load-validators.js";
import type { RateLimiter } from "../rate-limit.js";
import type { BodyLimits, ReadMode } from "../read-response.js";
import type { Redact } from "../redact.js";
import type { ValidationMode } from "../validate.js";
import type { VendorDescription } from "../vendor.js";
import type { HookRequest, Hooks } from "./hooks.js";
import type { CallSpan } from "./trace.js";

export type RawResult = { data?: unknown; error?: unknown; response: Response };
export type RawMethod = (path: string, init: unknown) => Promise<RawResult>;

/** The init a caller passes to a method: openapi-fetch's fields plus the per-call options. */
export type Init = Record<string, unknown> & {
  params?: { path?: unknown; query?: unknown };
  body?: unknown;
  headers?: Record<string, string>;
  parseAs?: string;
  signal?: AbortSignal;
};

/** An ErrorContext whose request id is known. */
export type CallContext = ErrorContext & { requestId: string };

/** What the spec says about one `METHOD /path`, looked up once per path (find-operation.ts). */
export interface KnownOperation {
  key: string;
  op: OperationInfo | undefined;
  /** `operationId (METHOD /path)`, or `METHOD /path` outside the spec: how errors name the call. */
  label: string;
  /** Does the spec declare a success media type other than JSON? */
  nonJson: boolean;
}

/** One client's settings, as create-client.ts resolved them from its options. */
export interface ClientState {
  vendor: VendorDescription;
  redact: Redact;
  logger: Logger;
  fetch: FetchLike;
  authHeader: [string, string];
  limiter: RateLimiter | undefined;
  maxRetries: number;
  maxRetryWaitMs: number;
  timeoutMs: number;
  defaultLimits: BodyLimits;
  /** An X-Request-Id in the client's `headers`. */
  requestId: string | undefined;
  validate: ValidationMode;
  onValidationError: (error: ResponseValidationError | RequestValidationError) => void;
  throwOnError: boolean;
  schemasFor: SchemasFor;
  hooks: Hooks | undefined;
  /** OpenTelemetry spans, when a tracer provider is registered (`tracing: false` turns them off). */
  tracing: boolean;
  /** The client's base URL: the span's server.address and server.port. */
  baseUrl: string;
  /** A warning for the user: the logger's warn, else console.warn. */
  warn: (message: string, details?: Record<string, unknown>) => void;
  /** The one-time warnings this client has given (deprecations), by operation. */
  warned: Set<string>;
  /** Are debug lines written at all? (Building one costs; most clients log nothing.) */
  debug: boolean;
  /** The openapi-fetch client, whose fetch is the pipeline's send step. */
  raw: Record<string, RawMethod>;
}

/** One call on its way through the steps; each step fills in the fields it owns. */
export class Call {
  // The caller's per-call options, taken out of what goes to openapi-fetch.
  readonly options: Init;
  /** What openapi-fetch receives: the caller's init without the per-call options. */
  readonly init: Init;
  readonly callerSignal: AbortSignal | undefined;
  readonly hooks: Hooks | undefined;

  // request-id.ts
  context!: CallContext;
  /** The context of the answer: the server's request id once it sent one. */
  answered!: CallContext;
  // trace.ts: the call's span, when tracing
  span: CallSpan | undefined;
  // call-options.ts
  mode: ValidationMode = "warn";
  timeoutMs = 0;
  maxRetries = 0;
  retryOptIn = false;
  limits!: BodyLimits;
  reading: ReadMode | undefined;
  // request-check.ts
  checks: OperationChecks | undefined;
  // The attempts (retry.ts, attempt.ts, read-answer.ts): the answered attempt's signal, which its
  // body is read within, and its release (run once the body is read, or by a stream at its end).
  signal: AbortSignal | undefined;
  release: (() => void) | undefined;
  answer: Response | undefined;
  /** The current attempt, 0-based: after the call, how many times it was resent. */
  attempt = 0;
  /** The success body as read within its attempt. */
  data: unknown;
  /** What the hooks see of the current attempt (only when there are hooks). */
  hookRequest: HookRequest | undefined;
  /** A stream handed to the caller releases its attempt itself, when it ends. */
  streaming = false;
  // send.ts, then response-check.ts and shape-result.ts
  result!: RawResult & { requestId: string };

  constructor(
    readonly client: ClientState,
    readonly method: string,
    readonly path: string,
    readonly operation: KnownOperation,
    init: Init,
  ) {
    const { validate, timeoutMs, maxRetries, retryNonIdempotent, maxResponseBytes, hooks, ...rest } = init;
    // Literals, not spreads, on this path: a spread that adds keys costs about a microsecond.
    this.options = init;
    this.init = rest;
    this.callerSignal = rest.signal;
    this.hooks = hooks as Hooks | undefined;
  }
}

// Builds a client: resolves its options once (key, base URL, limits, logger, defaults live here)
// and composes the call path of pipeline/ around one openapi-fetch client, plus pagination.
import createFetchClient from "openapi-fetch";
import { authHeader, resolveApiKey, resolveAuthScheme, resolveBaseUrl } from "./auth.js";
import type { FetchLike, VendorMethods } from "./client-types.js";
import type { ErrorContext, RequestValidationError, ResponseValidationError } from "./errors.js";
import { silentLogger, type Logger } from "./logger.js";
import { checkClientOptions, checkPageBounds } from "./option-checks.js";
import { redactingLogger, secretRedactor } from "./redact.js";
import { lazyValidators } from "./load-validators.js";
import { atLevel, consoleLogger, resolveLogLevel, type LogLevel } from "./log-level.js";
import type { Hooks } from "./pipeline/hooks.js";
import { userAgent } from "./user-agent.js";
import type { OperationInfo } from "./operation.js";
import { PlannedRequest } from "./planned-request.js";
import { Paginator, type PageBounds } from "./paginate.js";
import type { ClientState, Init, RawMethod } from "./pipeline/call-state.js";
import { operationFinder, operationKey } from "./pipeline/find-operation.js";
import { runCall } from "./pipeline/index.js";
import { requestIdIn } from "./pipeline/request-id.js";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT_MS } from "./retry.js";
import { API_ERROR } from "./unwrap.js";
import type { ValidationMode } from "./validate.js";
import type { VendorDescription } from "./vendor.js";
import { wholeNumber } from "./whole-number.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
/** The bound on bodies parsed as JSON; downloads are unbounded unless maxResponseBytes is set. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface ClientOptions {
  /** Defaults to the vendor's environment variable (e.g. AICLICKS_API_KEY). */
  apiKey?: string;
  /** Defaults to the vendor's production URL. http:// only for loopback. */
  baseUrl?: string;
  /** A fetch implementation (tests, proxies), called as `fetch(url, init)` for each attempt. Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Extra headers sent on every request (an `X-Request-Id` here is sent instead of a random one). */
  headers?: Record<string, string>;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Longest wait the client accepts from Retry-After / X-RateLimit-Reset before giving up. Default 60 000 ms. */
  maxRetryWaitMs?: number;
  /** Per-attempt timeout, 1 ms to 2 147 483 647 ms (0 and Infinity are refused). Default 30 000 ms. */
  timeoutMs?: number;
  /**
   * Largest body read, in bytes: a larger one fails with ResponseTooLargeError, by Content-Length
   * or while it streams. Default 32 MiB for bodies parsed as JSON; downloads unbounded unless set.
   */
  maxResponseBytes?: number;
  /** Client-side limiter; defaults to the vendor's published limit per minute, `false` turns it off; `store` shares it across processes. */
  rateLimit?: false | RateLimitOptions;
  /**
   * Request and response validation with the generated zod schemas. Default "warn". The schemas
   * (and zod) are loaded on the first validated call; with "off" they are never loaded.
   */
  validate?: ValidationMode;
  /**
   * Called with each validation failure in "warn" mode: a response that breaks the spec, or a
   * request sent with a query or path parameter the spec does not declare. Default: logger.warn, else console.warn.
   */
  onValidationError?: (error: ResponseValidationError | RequestValidationError) => void;
  /** Throw typed errors instead of returning `{ error }`. Default false. */
  throwOnError?: boolean;
  /** Debug lines for requests, retries, waits and validation, and warnings; secrets are redacted. */
  logger?: Logger;
  /**
   * Which lines are written: "debug" (every request, retry and wait), "info", "warn" (validation
   * failures in "warn" mode, deprecations), "error" or "off". Without a `logger`, a level (or the
   * AI_VENDOR_CONTRACTS_LOG environment variable) writes to the console. Default: everything to a
   * given logger; without one, warnings only, to console.warn.
   */
  logLevel?: LogLevel;
  /**
   * OpenTelemetry: with @opentelemetry/api installed and a tracer provider registered, one span
   * per call (see Tracing in the README). `false` turns it off. Default true.
   */
  tracing?: boolean;
  /** Run inside the retry loop, once per attempt; the call's own `hooks` run after these. See Hooks in the README. */
  hooks?: Hooks;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"] as const;

export interface VendorClient<Paths extends Record<string, any>, Throws extends boolean = false> extends VendorMethods<Paths, Throws> {
  /** The vendor this client talks to. */
  readonly vendor: VendorDescription;
  /** What the spec says about `METHOD /path` (operationId, scopes, response kind), if it is in the spec. */
  operationInfo(method: string, path: string): OperationInfo | undefined;
  /** The context for errors a vendor helper raises about `operation`: server text in them is redacted of this client's key. */
  errorContext(operation: string): ErrorContext;
  /** Every item of every page of a list operation (GET). Untyped here; vendor clients type it. */
  paginateRaw(path: string, init?: Init, bounds?: PageBounds): Paginator<unknown>;
}

export function createVendorClient<Paths extends Record<string, any>>(
  vendor: VendorDescription,
  options: ClientOptions = {},
  authScheme: string = Object.keys(vendor.auth)[0]!,
): VendorClient<Paths> {
  const base = { vendor: vendor.name, displayName: vendor.displayName };
  const scheme = resolveAuthScheme(vendor, authScheme);
  checkClientOptions(options as Record<string, unknown>, base);
  const key = resolveApiKey(vendor, options.apiKey);
  const baseUrl = resolveBaseUrl(vendor, options.baseUrl);
  // Server text may echo the key: every error and log line of this client goes through redact.
  const redact = secretRedactor(key);
  const level = resolveLogLevel(options.logLevel, base);
  const sink = options.logger ?? (level ? consoleLogger : undefined);
  const logger = sink ? redactingLogger(atLevel(sink, level ?? "debug"), redact) : silentLogger;
  // Without a logger, warnings go to console.warn, redacted as the logger's lines are: a warning may
  // quote the server (a deprecation Link), and the server may echo the key.
  const warn = (message: string, details?: Record<string, unknown>) => (sink ? logger.warn(message, details) : console.warn(redact(message)));
  const rateLimit = options.rateLimit ?? (vendor.rateLimitPerMinute ? { requests: vendor.rateLimitPerMinute } : false);
  const clientMaxBytes = options.maxResponseBytes === undefined ? undefined : wholeNumber("maxResponseBytes", options.maxResponseBytes, 0, base);
  const agent = userAgent();
  const state: ClientState = {
    vendor,
    redact,
    logger,
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    authHeader: authHeader(scheme, key),
    limiter: rateLimit ? createRateLimiter(rateLimit, { ...base, apiKey: key, logger: sink && logger }) : undefined,
    maxRetries: wholeNumber("maxRetries", options.maxRetries, DEFAULT_MAX_RETRIES, base),
    maxRetryWaitMs: wholeNumber("maxRetryWaitMs", options.maxRetryWaitMs, DEFAULT_MAX_RETRY_WAIT_MS, base),
    timeoutMs: wholeNumber("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS, base),
    defaultLimits: { json: clientMaxBytes ?? DEFAULT_MAX_RESPONSE_BYTES, other: clientMaxBytes ?? Infinity },
    requestId: requestIdIn(options.headers),
    validate: options.validate ?? "warn",
    onValidationError: options.onValidationError ?? ((error: ResponseValidationError | RequestValidationError) => warn(error.message, { issues: error.issues })),
    hooks: options.hooks,
    tracing: options.tracing !== false,
    baseUrl,
    warn,
    warned: new Set(),
    debug: sink !== undefined && (level === undefined || level === "debug"),
    throwOnError: options.throwOnError === true,
    schemasFor: lazyValidators(vendor),
    raw: createFetchClient<Paths>({
      baseUrl,
      // A User-Agent in the caller's headers (any case) replaces the package's.
      headers: agent ? { "User-Agent": agent, ...options.headers } : options.headers,
      Request: PlannedRequest as unknown as typeof Request,
    }) as unknown as Record<string, RawMethod>,
  };

  function method(name: (typeof METHODS)[number]) {
    const find = operationFinder(vendor, name);
    return (path: string, init: Init = {}) => runCall(state, name, path, find(path), init);
  }

  const client = Object.fromEntries(METHODS.map((m) => [m, method(m)])) as unknown as VendorClient<Paths>;
  return Object.assign(client, {
    vendor,
    operationInfo: (method: string, path: string) => vendor.operations[operationKey(method, path)],
    errorContext: (operation: string): ErrorContext => ({ vendor: base.vendor, displayName: base.displayName, operation, redact }),
    paginateRaw(path: string, init: Init = {}, bounds: PageBounds = {}) {
      checkPageBounds(bounds, base);
      const get = method("GET");
      return new Paginator<unknown>(
        async (query) => {
          const result = (await get(path, { ...init, params: { ...init.params, query } })) as Awaited<ReturnType<typeof get>> & { [API_ERROR]?: Error };
          if (!result.response.ok) throw result[API_ERROR];
          return result.data;
        },
        vendor.pagination,
        path,
        (init.params?.query ?? {}) as Record<string, unknown>,
        bounds,
        logger,
      );
    },
  });
}

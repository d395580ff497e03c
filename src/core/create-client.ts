// Composes the behaviours (auth, request ids, retries, timeouts, rate limit, body checks,
// validation, typed errors, pagination) around one openapi-fetch client. Defaults live here.
import createFetchClient from "openapi-fetch";
import { authHeader, resolveApiKey, resolveBaseUrl } from "./auth.js";
import { bodyReadFailed } from "./body.js";
import type { FetchLike, VendorMethods } from "./client-types.js";
import {
  ConfigurationError,
  createApiError,
  RequestValidationError,
  ResponseValidationError,
  snippet,
  VendorError,
  type ApiError,
  type ErrorContext,
} from "./errors.js";
import { silentLogger, type Logger } from "./logger.js";
import { redactingLogger, redactValue, secretRedactor } from "./redact.js";
import { lazyValidators } from "./load-validators.js";
import type { OperationInfo, OperationSchemas } from "./operation.js";
import { PlannedRequest } from "./planned-request.js";
import { problemMessage } from "./problem-json.js";
import { checkParameterNames } from "./unknown-parameters.js";
import { Paginator, type PageBounds } from "./paginate.js";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { bufferBody } from "./read-body.js";
import { declaresNonJson, readMode, readSuccess, type BodyLimits } from "./read-response.js";
import { DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT_MS, serverWaitMs } from "./retry.js";
import { MAX_TIMER_MS, untilAborted } from "./timeout.js";
import { send, type CallSettings, type TransportSettings } from "./transport.js";
import { API_ERROR, attachApiError } from "./unwrap.js";
import { check, type ValidationMode } from "./validate.js";
import type { VendorDescription } from "./vendor.js";

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
  /** Debug lines for requests, retries, waits and validation; secrets are redacted. */
  logger?: Logger;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"] as const;

type RawResult = { data?: unknown; error?: unknown; response: Response };
type Init = Record<string, unknown> & {
  params?: { path?: unknown; query?: unknown };
  body?: unknown;
  headers?: Record<string, string>;
  parseAs?: string;
};

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

// Timer values stop at what setTimeout holds: Node turns a longer delay into 1 ms.
const RANGES = {
  maxRetries: [0, Number.MAX_SAFE_INTEGER, ""],
  maxRetryWaitMs: [0, MAX_TIMER_MS, " ms"],
  timeoutMs: [1, MAX_TIMER_MS, " ms"],
  maxResponseBytes: [1, Infinity, " bytes"],
} as const;

function wholeNumber(name: keyof typeof RANGES, value: unknown, fallback: number, context: ErrorContext, perCall = false): number {
  if (value === undefined) return fallback;
  const [min, max, unit] = RANGES[name];
  if (typeof value !== "number" || !(value === Infinity ? max === Infinity : Number.isInteger(value)) || value < min || value > max) {
    throw new ConfigurationError(
      `${context.displayName ?? context.vendor} client: ${name}${perCall ? " for this call" : ""} must be a whole number from ` +
        `${min} to ${max === Infinity ? "Infinity" : max}${unit}, got ${String(value)}.`,
      context,
    );
  }
  return value;
}

/** The caller's X-Request-Id, in whichever form the headers come (object, Headers, pairs). */
function requestIdIn(headers: unknown): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get("x-request-id") ?? undefined;
  const entries = Array.isArray(headers) ? (headers as [string, unknown][]) : Object.entries(headers);
  const found = entries.find(([name]) => name.toLowerCase() === "x-request-id")?.[1];
  return found == null ? undefined : String(found);
}

// The operation tables' key, `METHOD /path` as the spec writes the path; here rather than in
// operation.ts, so the entry shares no module with the lazy zod chunk (one eager chunk fewer).
const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function describe(op: OperationInfo | undefined, method: string, path: string) {
  return op ? `${op.operationId} (${method} ${path})` : `${method} ${path}`;
}

export function createVendorClient<Paths extends Record<string, any>>(
  vendor: VendorDescription,
  options: ClientOptions = {},
  authScheme: string = Object.keys(vendor.auth)[0]!,
): VendorClient<Paths> {
  const base = { vendor: vendor.name, displayName: vendor.displayName };
  const scheme = vendor.auth[authScheme];
  if (!scheme) {
    throw new RangeError(`${vendor.displayName} has no auth scheme "${authScheme}"; use one of: ${Object.keys(vendor.auth).join(", ")}.`);
  }
  const key = resolveApiKey(vendor, options.apiKey);
  const baseUrl = resolveBaseUrl(vendor, options.baseUrl);
  // Server text may echo the key: every error and log line of this client goes through redact.
  const redact = secretRedactor(key);
  const logger = options.logger ? redactingLogger(options.logger, redact) : silentLogger;
  const rateLimit = options.rateLimit ?? (vendor.rateLimitPerMinute ? { requests: vendor.rateLimitPerMinute } : false);
  const transport: TransportSettings = {
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    authHeader: authHeader(scheme, key),
    limiter: rateLimit ? createRateLimiter(rateLimit, { vendor: vendor.name, apiKey: key, logger: options.logger && logger }) : undefined,
    logger,
    maxRetries: wholeNumber("maxRetries", options.maxRetries, DEFAULT_MAX_RETRIES, base),
    maxRetryWaitMs: wholeNumber("maxRetryWaitMs", options.maxRetryWaitMs, DEFAULT_MAX_RETRY_WAIT_MS, base),
    timeoutMs: wholeNumber("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS, base),
  };
  const clientMaxBytes = options.maxResponseBytes === undefined ? undefined : wholeNumber("maxResponseBytes", options.maxResponseBytes, 0, base);
  const defaultLimits: BodyLimits = { json: clientMaxBytes ?? DEFAULT_MAX_RESPONSE_BYTES, other: clientMaxBytes ?? Infinity };
  const clientRequestId = requestIdIn(options.headers);
  const onValidationError =
    options.onValidationError ??
    ((error: ResponseValidationError | RequestValidationError) =>
      options.logger ? logger.warn(error.message, { issues: error.issues }) : console.warn(error.message));
  const raw = createFetchClient<Paths>({ baseUrl, headers: options.headers, Request: PlannedRequest as unknown as typeof Request });

  // The body is redacted before anything cuts it (the vendor's reader may cut texts of its own),
  // so no part of the key survives a cut; a body that is not JSON is kept as its start.
  function failure(result: RawResult, context: ErrorContext): ApiError {
    const clean = redactValue(result.error, redact);
    const body = typeof clean === "string" ? snippet(clean) : clean;
    const { code, message, requestId } = vendor.errorBody(clean);
    return createApiError({
      ...context,
      ...(requestId ? { requestId } : {}),
      status: result.response.status,
      code,
      message: problemMessage(clean) ?? message ?? (typeof body === "string" && body ? `body starts ${JSON.stringify(body)}` : undefined),
      body,
      retryAfter: serverWaitMs(result.response.headers),
    });
  }

  const schemasFor = lazyValidators(vendor);

  function checkRequest(schemas: OperationSchemas, init: Init, context: ErrorContext) {
    const parts = [
      ["path", schemas.path, init.params?.path ?? {}],
      ["query", schemas.query, init.params?.query ?? {}],
      ["body", schemas.body, init.body],
    ] as const;
    const issues = parts.flatMap(([where, schema, value]) =>
      schema ? check(schema, value).map((i) => ({ ...i, path: i.path ? `${where}.${i.path}` : where })) : [],
    );
    if (issues.length) throw new RequestValidationError(context, issues);
  }

  function method(name: (typeof METHODS)[number]) {
    // Remembered for the spec's own paths only, so it holds at most one entry per operation.
    const known = new Map<string, { key: string; op: OperationInfo | undefined; label: string; nonJson: boolean }>();
    const lookUp = (path: string) => {
      const key = operationKey(name, path);
      const op = vendor.operations[key];
      const entry = { key, op, label: describe(op, name, path), nonJson: declaresNonJson(op) };
      if (op) known.set(path, entry);
      return entry;
    };
    return async (path: string, init: Init = {}) => {
      const { validate, timeoutMs, maxRetries, retryNonIdempotent, maxResponseBytes, ...fetchInit } = init;
      const { key, op, label, nonJson } = known.get(path) ?? lookUp(path);
      const sentId = requestIdIn(fetchInit.headers) ?? clientRequestId;
      // Literals, not spreads, on this path: a spread that adds keys costs about a microsecond.
      const context = { vendor: base.vendor, displayName: base.displayName, operation: label, requestId: sentId ?? crypto.randomUUID(), redact };
      const mode = (validate as ValidationMode | undefined) ?? options.validate ?? "warn";
      const signal = fetchInit.signal as AbortSignal | undefined;
      // The first validated call waits for the schemas to load; the caller's abort ends that wait.
      const schemas = op && mode !== "off" ? await (signal ? untilAborted(schemasFor(key, context), signal) : schemasFor(key, context)) : undefined;
      checkParameterNames(op, fetchInit.params, mode, context, onValidationError);
      if (schemas) checkRequest(schemas, fetchInit, context);
      const call: CallSettings = {
        context,
        retryOptIn: retryNonIdempotent === true,
        timeoutMs: wholeNumber("timeoutMs", timeoutMs, transport.timeoutMs, base, true),
        maxRetries: wholeNumber("maxRetries", maxRetries, transport.maxRetries, base, true),
      };
      const perCallBytes = maxResponseBytes === undefined ? undefined : wholeNumber("maxResponseBytes", maxResponseBytes, 0, base, true);
      const limits = perCallBytes === undefined ? defaultLimits : { json: perCallBytes, other: perCallBytes };
      const reading = name === "HEAD" ? undefined : readMode(op, nonJson, fetchInit.parseAs, context);
      let answer: Response | undefined;
      let answered: typeof context = context;
      let streaming = false;
      let result: RawResult & { requestId: string; [API_ERROR]?: ApiError };
      // fetchInit is this call's own copy (the rest of init), so it can be handed on as it is.
      // openapi-fetch hands success bodies over unread: read-response.ts reads them within the
      // attempt's deadline and under maxResponseBytes, and a broken one becomes a typed error.
      fetchInit.parseAs = "stream";
      fetchInit.fetch = async (request: PlannedRequest) => {
        answer = await send(request, transport, call);
        const serverId = answer.headers.get("x-request-id");
        if (serverId) answered = { ...context, requestId: serverId };
        // Error bodies too are read within the deadline and the bound, then parsed by openapi-fetch.
        return answer.ok ? answer : bufferBody(answer, limits.json, call.signal, answered);
      };
      try {
        result = (await (raw[name] as (p: string, i: unknown) => Promise<RawResult>)(path, fetchInit)) as typeof result;
        // No body at all (204, HEAD, Content-Length: 0) stays undefined and is not validated.
        if (result.response.ok && result.data === null) result.data = undefined;
        else if (result.response.ok && reading && result.data !== undefined) {
          result.data = await readSuccess(result.response, reading, op, limits, call, answered);
          // A streamed body is read after we return: the stream releases its attempt when it ends.
          streaming = reading === "stream";
        }
      } catch (error) {
        // After our fetch returned, only reading the body can fail (unless the caller aborted).
        if (!answer || error instanceof VendorError || signal?.aborted) throw error;
        throw bodyReadFailed(answer, answered, error, call.timeoutMs);
      } finally {
        if (!streaming) call.release?.();
      }
      const { requestId } = answered;
      result.requestId = requestId;
      if (!result.response.ok) {
        const error = failure(result, answered);
        attachApiError(result, error);
        logger.debug(`HTTP ${result.response.status} from ${answered.operation}`, { requestId, code: error.code });
        if (options.throwOnError) throw error;
        return result;
      }
      const parsedJson = reading === "json" || (reading === "auto" && !(result.data instanceof Uint8Array));
      if (schemas?.response && parsedJson && result.data !== undefined) {
        const issues = check(schemas.response, result.data);
        if (issues.length) {
          const error = new ResponseValidationError(answered, issues);
          logger.debug("response failed validation", { requestId, issues });
          if (mode === "strict") throw error;
          onValidationError(error);
        }
      }
      return result;
    };
  }

  const client = Object.fromEntries(METHODS.map((m) => [m, method(m)])) as unknown as VendorClient<Paths>;
  return Object.assign(client, {
    vendor,
    operationInfo: (method: string, path: string) => vendor.operations[operationKey(method, path)],
    errorContext: (operation: string): ErrorContext => ({ vendor: base.vendor, displayName: base.displayName, operation, redact }),
    paginateRaw(path: string, init: Init = {}, bounds: PageBounds = {}) {
      const get = method("GET");
      return new Paginator<unknown>(
        async (query) => {
          const result = await get(path, { ...init, params: { ...init.params, query } });
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

// Every error the package throws, created in one place. Messages say what happened and what to
// do next; none of them ever holds an API key: the client never passes one in, and whatever the
// server wrote (which may echo the key) goes through the client's redactor before it is kept.
import { isLoopbackHost } from "./loopback.js";
import { redactValue, type Redact } from "./redact.js";
import { redactedCause } from "./scrub.js";

export interface ErrorContext {
  vendor: string;
  displayName?: string;
  /** `METHOD /path` or operationId, when known. */
  operation?: string;
  requestId?: string;
  /** The client's redactor for server text; used while the error is built, never stored on it. */
  redact?: Redact;
}

/** Most characters of server text a message quotes; the rest is cut and marked with "…". */
export const MAX_MESSAGE_CHARS = 500;
/** Most characters an error's `body` keeps (a parsed body larger than this as JSON is kept as its cut text). */
export const MAX_BODY_CHARS = 64 * 1024;

/** Most characters of a request id kept (a server's X-Request-Id or body id; past it, cut with "…"). */
export const MAX_REQUEST_ID_CHARS = 200;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Server text as an error or a log line may keep it: redacted first, then cut, so no piece of a
 * key that straddles the cut survives as a prefix.
 */
export const serverText = (text: string, max: number, redact: Redact | undefined) => cut(redact ? redact(text) : text, max);

/** A request id the server sent (header or body), bounded like all server text. */
export const serverRequestId = (id: string, redact: Redact | undefined) => serverText(id, MAX_REQUEST_ID_CHARS, redact);

/** Ends a sentence that may already end in one: "…not found." never becomes "…not found..". */
const period = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** The body as kept on an error: redacted, and bounded by MAX_BODY_CHARS. */
function keptBody(body: unknown, redact: Redact | undefined): unknown {
  // Through redactValue even without a redactor: it bounds the depth, so stringify cannot overflow.
  const clean = redactValue(body, redact ?? ((text) => text));
  if (typeof clean === "string") return cut(clean, MAX_BODY_CHARS);
  const text = clean === undefined ? undefined : JSON.stringify(clean);
  return text !== undefined && text.length > MAX_BODY_CHARS ? cut(text, MAX_BODY_CHARS) : clean;
}

/** Base of everything this package throws. */
export class VendorError extends Error {
  readonly vendor: string;
  readonly requestId: string | undefined;
  readonly operation: string | undefined;
  constructor(message: string, context: ErrorContext, options?: { cause?: unknown }) {
    const redact = context.redact;
    super(redact ? redact(message) : message, redact && options && "cause" in options ? { cause: redactedCause(options.cause, redact) } : options);
    this.name = new.target.name;
    this.vendor = context.vendor;
    // A request id may come from the server's body or headers.
    this.requestId = context.requestId === undefined ? undefined : serverRequestId(context.requestId, redact);
    this.operation = context.operation;
  }
  toJSON(): Record<string, unknown> {
    const { cause: _cause, stack: _stack, ...own } = this as Record<string, unknown>;
    return { name: this.name, message: this.message, ...own };
  }
}

/** The client was set up wrongly (missing or malformed key, insecure base URL …); nothing was sent. */
export class ConfigurationError extends VendorError {}

export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `data.items[3].date`. */
  path: string;
  expected: string;
  received: string;
  message: string;
}

const describeIssues = (issues: readonly ValidationIssue[]) =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path || "(root)"}: ${i.message} (expected ${i.expected}, received ${i.received})`)
    .join("; ") + (issues.length > 5 ? `; and ${issues.length - 5} more` : "");

// An issue's path and received value quote the server's data.
const keptIssues = (issues: readonly ValidationIssue[], redact: Redact | undefined) =>
  redact ? (redactValue(issues, redact) as ValidationIssue[]) : issues;

/**
 * A call's parameters or body break the spec; the request was not sent (thrown), or, for unknown
 * parameter names in "warn" mode, was sent as it is (`sent`, passed to onValidationError).
 */
export class RequestValidationError extends VendorError {
  readonly issues: readonly ValidationIssue[];
  constructor(context: ErrorContext, issues: readonly ValidationIssue[], { sent = false } = {}) {
    super(
      `${context.operation} ${sent ? "was sent as it is, but" : "was not sent"}: ${describeIssues(issues)}. Fix the request to match the ` +
        `${context.displayName ?? context.vendor} spec.`,
      context,
    );
    this.issues = keptIssues(issues, context.redact);
  }
}

/** A response does not match the spec (validate: "strict", or passed to onValidationError). */
export class ResponseValidationError extends VendorError {
  readonly issues: readonly ValidationIssue[];
  constructor(context: ErrorContext, issues: readonly ValidationIssue[]) {
    super(
      `${context.displayName ?? context.vendor} answered ${context.operation} with a body that breaks the spec: ` +
        `${describeIssues(issues)}. Request id ${context.requestId ?? "unknown"}; if the vendor changed its API, ` +
        `report it, or use validate: "warn" to keep going.`,
      context,
    );
    this.issues = keptIssues(issues, context.redact);
  }
}

/** No usable answer: connection refused or reset, DNS failure … */
export class ConnectionError extends VendorError {}

/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends ConnectionError {}

export interface ApiErrorInit extends ErrorContext {
  status: number;
  code?: string;
  message?: string;
  body?: unknown;
  /** Milliseconds the server asked us to wait, from Retry-After or X-RateLimit-Reset. */
  retryAfter?: number;
  cause?: unknown;
}

/** The vendor answered with an HTTP error status. */
export class ApiError extends VendorError {
  readonly status: number;
  readonly code: string | undefined;
  readonly body: unknown;
  readonly retryAfter: number | undefined;
  constructor(message: string, init: ApiErrorInit) {
    super(message, init, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code === undefined ? undefined : cut(init.redact ? init.redact(init.code) : init.code, 100);
    this.body = keptBody(init.body, init.redact);
    this.retryAfter = init.retryAfter;
  }
}
export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class RateLimitError extends ApiError {}
export class ServerError extends ApiError {}
/** A 2xx answer whose body cannot be used: HTML, truncated JSON, empty, wrong content type. */
export class MalformedResponseError extends ApiError {}

const NEXT_STEP: Record<number, string> = {
  400: "Check the parameters against the spec.",
  401: "Check that the API key is present, complete and not revoked.",
  403: "The key is valid but lacks access to this resource or scope; check its permissions.",
  404: "Check the id or path.",
  405: "The path exists but not with this HTTP method.",
  408: "The server timed out waiting for the request; retry.",
  409: "The resource is in a state that does not allow this; reload it and retry.",
  422: "Check the request body against the spec.",
  429: "Too many requests; wait before retrying",
};

function nextStep(status: number, retryAfter?: number): string {
  if (status === 429)
    return `${NEXT_STEP[429]}${retryAfter !== undefined ? ` (the server asks for ${Math.ceil(retryAfter / 1000)} s)` : ""}.`;
  if (status >= 500) return "The vendor had a problem; retry later, and quote the request id if it persists.";
  return NEXT_STEP[status] ?? "See the vendor's documentation for this status.";
}

/** The one factory for HTTP errors: picks the class by status and writes the message. */
export function createApiError(init: ApiErrorInit): ApiError {
  const who = init.displayName ?? init.vendor;
  // Redacted before cut, so a key across the cut cannot leave a prefix behind.
  const clean = (text: string, max: number) => serverText(text, max, init.redact);
  const said = init.message ? `: ${clean(init.message, MAX_MESSAGE_CHARS)}` : "";
  const code = init.code && init.code !== String(init.status) ? ` [${clean(init.code, 100)}]` : "";
  const message =
    `${period(`${who} answered ${init.operation ?? "the request"} with HTTP ${init.status}${code}${said}`)} ` +
    `${nextStep(init.status, init.retryAfter)} Request id ${init.requestId ?? "unknown"}.`;
  const Class =
    init.status === 400 || init.status === 422
      ? BadRequestError
      : init.status === 401
        ? AuthenticationError
        : init.status === 403
          ? PermissionDeniedError
          : init.status === 404
            ? NotFoundError
            : init.status === 429
              ? RateLimitError
              : init.status >= 500
                ? ServerError
                : ApiError;
  return new Class(message, init);
}

/** First 200 characters of a body (redacted first), for error messages about bodies we could not use. */
export const snippet = (text: string, redact?: Redact) => serverText(text, 200, redact);

export interface AttemptInfo {
  /** 1-based. */
  attempt: number;
  of: number;
}

type SystemError = {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  errors?: { address?: unknown; port?: unknown }[];
  socket?: { remoteAddress?: unknown; remotePort?: unknown };
  cause?: unknown;
};

/**
 * The system error behind a failed fetch ("ECONNREFUSED 127.0.0.1:59999"): undici wraps it as
 * the `cause` of a TypeError("fetch failed"), and Happy Eyeballs may group several in errors[].
 */
function systemCause(error: unknown): string | undefined {
  let e = error as SystemError | undefined;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++, e = e.cause as SystemError | undefined) {
    if (typeof e.code !== "string") continue;
    const first = Array.isArray(e.errors) ? e.errors[0] : undefined;
    const address = e.address ?? first?.address ?? e.socket?.remoteAddress;
    const port = e.port ?? first?.port ?? e.socket?.remotePort;
    const host = typeof address === "string" ? (address.includes(":") ? `[${address}]` : address) : e.hostname;
    return typeof host === "string" ? `${e.code} ${host}${port === undefined ? "" : `:${port}`}` : e.code;
  }
  return undefined;
}

/** No answer at all for one attempt: refused, reset, DNS failure … */
export function connectionError(context: ErrorContext, cause: unknown, url: string, { attempt, of }: AttemptInfo): ConnectionError {
  const who = context.displayName ?? context.vendor;
  const what = systemCause(cause) ?? serverText(String((cause as Error | undefined)?.message ?? cause), 200, context.redact).replace(/[.\s]+$/, "");
  const { host, hostname } = new URL(url);
  const next = isLoopbackHost(hostname)
    ? `Nothing answered at ${host}: if that is a local mock, it may not be running (start it with ` +
      `\`npx ai-vendor-contracts mock ${context.vendor}\` or startMock), or baseUrl names the wrong port.`
    : "Check the network and baseUrl.";
  return new ConnectionError(
    `Could not reach ${who} for ${context.operation} (attempt ${attempt} of ${of}): ${what}. ${next} ` +
      `Request id ${context.requestId ?? "unknown"}.`,
    context,
    { cause },
  );
}

/** An attempt got no answer within `timeoutMs`. */
export function timeoutError(context: ErrorContext, cause: unknown, timeoutMs: number, { attempt, of }: AttemptInfo): TimeoutError {
  return new TimeoutError(
    `${context.displayName ?? context.vendor} did not answer ${context.operation} within ${timeoutMs} ms ` +
      `(attempt ${attempt} of ${of}). Raise timeoutMs or retry later. Request id ${context.requestId ?? "unknown"}.`,
    context,
    { cause },
  );
}

/** A job the vendor runs (scan, audit …) ended in a failed or cancelled state. */
export class JobFailedError extends VendorError {
  readonly status: string;
  /** The job as last fetched. */
  readonly state: unknown;
  constructor(message: string, context: ErrorContext, status: string, state: unknown) {
    super(message, context);
    this.status = context.redact ? context.redact(status) : status;
    this.state = context.redact ? redactValue(state, context.redact) : state;
  }
}

/** Waiting for a job ran past its `timeoutMs`; the job itself may still finish. */
export class WaitTimeoutError extends VendorError {
  /** The job as last fetched. */
  readonly state: unknown;
  constructor(message: string, context: ErrorContext, state: unknown) {
    super(message, context);
    this.state = context.redact ? redactValue(state, context.redact) : state;
  }
}

/** A redirect the client will not follow: https to plain http, a loop, or more than 5 hops. */
export class RedirectError extends ConnectionError {
  /** Where the redirect pointed: origin and path, never the query string (it may be a signature). */
  readonly location: string;
  constructor(message: string, context: ErrorContext, location: string) {
    super(message, context);
    // The Location came from the server, which may have put the key in it.
    this.location = context.redact ? context.redact(location) : location;
  }
}

/** A body larger than `maxResponseBytes`; it was not read to the end. */
export class ResponseTooLargeError extends MalformedResponseError {
  readonly maxResponseBytes: number;
  constructor(message: string, init: ApiErrorInit, maxResponseBytes: number) {
    super(message, init);
    this.maxResponseBytes = maxResponseBytes;
  }
}

/** A hook of the caller's (beforeRequest, afterResponse, onError) threw, rejected or never settled; the call stopped there. */
export class HookError extends VendorError {
  /** Which hook: "beforeRequest", "afterResponse" or "onError". */
  readonly hook: string;
  constructor(hook: string, context: ErrorContext, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(
      `${context.displayName ?? context.vendor} client: the ${hook} hook failed during ${context.operation ?? "a call"} ` +
        `(${cut(reason, MAX_MESSAGE_CHARS)}), so the call was stopped and not retried. Fix the hook; request id ${context.requestId ?? "unknown"}.`,
      context,
      { cause },
    );
    this.hook = hook;
  }
}

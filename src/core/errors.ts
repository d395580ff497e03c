// Every error the package throws, created in one place. Messages say what happened and what to
// do next; none of them ever holds an API key (the client never passes one in).
export interface ErrorContext {
  vendor: string;
  displayName?: string;
  /** `METHOD /path` or operationId, when known. */
  operation?: string;
  requestId?: string;
}

/** Base of everything this package throws. */
export class VendorError extends Error {
  readonly vendor: string;
  readonly requestId: string | undefined;
  readonly operation: string | undefined;
  constructor(message: string, context: ErrorContext, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.vendor = context.vendor;
    this.requestId = context.requestId;
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

/** A call's parameters or body break the spec; the request was not sent. */
export class RequestValidationError extends VendorError {
  readonly issues: readonly ValidationIssue[];
  constructor(context: ErrorContext, issues: readonly ValidationIssue[]) {
    super(
      `${context.operation} was not sent: ${describeIssues(issues)}. Fix the request to match the ` +
        `${context.displayName ?? context.vendor} spec.`,
      context,
    );
    this.issues = issues;
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
    this.issues = issues;
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
    this.code = init.code;
    this.body = init.body;
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
  const said = init.message ? `: ${init.message}` : "";
  const code = init.code && init.code !== String(init.status) ? ` [${init.code}]` : "";
  const message =
    `${who} answered ${init.operation ?? "the request"} with HTTP ${init.status}${code}${said}. ` +
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

/** First 200 characters of a body, for error messages about bodies we could not use. */
export const snippet = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** A job the vendor runs (scan, audit …) ended in a failed or cancelled state. */
export class JobFailedError extends VendorError {
  readonly status: string;
  /** The job as last fetched. */
  readonly state: unknown;
  constructor(message: string, context: ErrorContext, status: string, state: unknown) {
    super(message, context);
    this.status = status;
    this.state = state;
  }
}

/** Waiting for a job ran past its `timeoutMs`; the job itself may still finish. */
export class WaitTimeoutError extends VendorError {
  /** The job as last fetched. */
  readonly state: unknown;
  constructor(message: string, context: ErrorContext, state: unknown) {
    super(message, context);
    this.state = state;
  }
}

/** A redirect the client will not follow: https to plain http, a loop, or more than 5 hops. */
export class RedirectError extends ConnectionError {
  /** Where the redirect pointed: origin and path, never the query string (it may be a signature). */
  readonly location: string;
  constructor(message: string, context: ErrorContext, location: string) {
    super(message, context);
    this.location = location;
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

// The package root: the error hierarchy, `unwrap`, and the shared option types.
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConnectionError,
  HookError,
  JobFailedError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  RedirectError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  VendorError,
  WaitTimeoutError,
  type ValidationIssue,
} from "./core/errors.js";
export { errorOf, unwrap } from "./core/unwrap.js";
export type { ClientOptions, VendorClient } from "./core/create-client.js";
export type { CallOptions, CallResult, FetchLike, SuccessResult } from "./core/client-types.js";
export type { Logger } from "./core/logger.js";
export type { LogLevel } from "./core/log-level.js";
export type { HookRequest, Hooks } from "./core/pipeline/hooks.js";
export { parseDeprecation, type DeprecationNotice } from "./core/deprecation.js";
export type { Page, PageBounds, Paginator } from "./core/paginate.js";
export type { RateLimitOptions } from "./core/rate-limit.js";
export type { ValidationMode } from "./core/validate.js";
export type { Download } from "./core/download.js";
export type { WaitOptions } from "./core/poll.js";

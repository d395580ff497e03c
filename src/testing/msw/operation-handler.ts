// One MSW handler per operation: refuses what the vendor would refuse (401, 400) in its error
// shape, then serves the answer it is given. Defaults and respond() overrides both go through it.
import type { HttpHandler } from "msw";
import type { VendorDescription } from "../../core/vendor.js";
import { vendorError } from "./error-body.js";
import { http } from "./load-msw.js";
import { reply } from "./reply.js";
import { refusal } from "./request-check.js";
import { operationSchemas } from "./schemas.js";
import { matching, pathParameters, relativePath, type routes } from "./route.js";
import type { MediaSpec, OperationSpec } from "./spec-operations.js";
import type { MockedVendor } from "./vendors.js";

export interface MockContext {
  vendor: MockedVendor;
  description: VendorDescription;
  /** No trailing slash. */
  baseUrl: string;
  operations: OperationSpec[];
  routes: ReturnType<typeof routes>;
}

export interface Answer {
  status: number;
  media: MediaSpec | undefined;
  body: unknown;
  headers: Record<string, string>;
}

/** `/scans/{scan_id}` → `/scans/:scan_id`, MSW's path syntax. */
export function mswPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ":$1");
}

/** The operation the spec means by this request, or undefined outside the spec. */
export function operationFor(context: MockContext, request: Request): OperationSpec | undefined {
  const path = relativePath(context.baseUrl, request.url);
  if (path === undefined) return undefined;
  return matching(context.routes, path).find((o) => o.method === request.method.toLowerCase());
}

export function errorReply(context: MockContext, operation: OperationSpec | undefined, status: number, message?: string): Response {
  const error = vendorError(context.operations, operation, status, message);
  const media = { mediaType: "application/json", schemaRef: undefined, examples: [] };
  return reply(error.status, media, error.body, error.headers);
}

export function operationHandler(
  context: MockContext,
  operation: OperationSpec,
  answer: (request: Request) => Answer | undefined,
): HttpHandler {
  const method = operation.method as "get" | "post" | "put" | "patch" | "delete" | "head" | "options";
  const schemas = operationSchemas(context.vendor, operation.key);
  return http[method](`${context.baseUrl}${mswPath(operation.path)}`, async ({ request }) => {
    // MSW's `/findings/:finding_id` also matches `/findings/stats`; leave that to its own handler.
    if (operationFor(context, request) !== operation) return undefined;
    const params = pathParameters(operation, relativePath(context.baseUrl, request.url)!);
    const refused = await refusal(operation, schemas, request.clone(), params);
    if (refused) return errorReply(context, operation, refused.status, refused.message);
    const chosen = answer(request);
    if (!chosen) return errorReply(context, operation, 500, `The mock has no answer for ${operation.key} here.`);
    return reply(chosen.status, chosen.media, chosen.body, chosen.headers);
  });
}

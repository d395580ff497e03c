// mswHandlers(vendor, { baseUrl }): MSW handlers for every operation of a vendor's spec, answering
// like Prism's static mode, plus respond() for typed per-test overrides checked against the spec.
import type { HttpHandler } from "msw";
import { resolveBaseUrl } from "../../core/auth.js";
import { errorReply, operationFor, operationHandler, type MockContext } from "./operation-handler.js";
import { http } from "./load-msw.js";
import { staticAnswer } from "./prism-answer.js";
import { makeRespond, type RespondOptions } from "./respond.js";
import { matching, relativePath, routes } from "./route.js";
import { readOperations, type OperationSpec } from "./spec-operations.js";
import type { DeclaredStatus, OperationKey, ResponseBody, VendorPaths } from "./types.js";
import { bundledSpec, vendorNamed, type MockedVendor } from "./vendors.js";

export interface MswHandlersOptions {
  /** Where the client under test sends requests; the vendor's production URL by default. */
  baseUrl?: string;
}

export interface MswHandlers<P> {
  /** One handler per operation, then one that answers the vendor's 404 (or 405) for the rest. */
  handlers: HttpHandler[];
  /**
   * A handler for `server.use(...)` that answers `key` with `status` and `body` (the spec's
   * example when omitted). Throws at once when the operation or status is not in the spec or the
   * body breaks its schema (fields the spec does not know are allowed).
   */
  respond<K extends OperationKey<P>, S extends DeclaredStatus<P, K>>(
    key: K,
    status: S,
    body?: ResponseBody<P, K, S>,
    options?: RespondOptions,
  ): HttpHandler;
}

const parsed = new Map<string, OperationSpec[]>();

function operationsOf(vendor: string): OperationSpec[] {
  let operations = parsed.get(vendor);
  if (!operations) {
    operations = readOperations(bundledSpec(vendor) as Record<string, unknown>);
    parsed.set(vendor, operations);
  }
  return operations;
}

function outsideSpec(context: MockContext): HttpHandler {
  return http.all(`${context.baseUrl}/*`, ({ request }) => {
    if (operationFor(context, request)) return undefined;
    const path = relativePath(context.baseUrl, request.url) ?? "";
    const other = matching(context.routes, path)[0];
    if (other) {
      return errorReply(context, other, 405, `${request.method} is not allowed on ${other.path}.`);
    }
    return errorReply(context, undefined, 404, `No ${context.description.displayName} endpoint at ${request.method} ${path}.`);
  });
}

export function mswHandlers<V extends MockedVendor>(vendor: V, options: MswHandlersOptions = {}): MswHandlers<VendorPaths[V]> {
  const description = vendorNamed(vendor);
  const operations = operationsOf(vendor);
  const context: MockContext = {
    vendor,
    description,
    baseUrl: resolveBaseUrl(description, options.baseUrl),
    operations,
    routes: routes(operations),
  };
  const handlers = operations.map((operation) => operationHandler(context, operation, (request) => staticAnswer(operation, request)));
  handlers.push(outsideSpec(context));
  return { handlers, respond: makeRespond(context) as MswHandlers<VendorPaths[V]>["respond"] };
}

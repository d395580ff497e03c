// respond("GET /scans/{scan_id}", 200, body, { headers }): an override handler for server.use().
// The body is checked against the contract when the test builds it, not when the request comes.
// Not built on openapi-msw: it types resolvers a test writes, while this is keyed by the spec's
// "METHOD /path" and checks with our zod schemas up front; it would only add the {id} → :id rewrite.
import type { HttpHandler } from "msw";
import { check } from "../../core/validate.js";
import { operationHandler, type MockContext } from "./operation-handler.js";
import { statusNumber } from "./prism-answer.js";
import { isJson } from "./reply.js";
import { componentSchema, operationSchemas } from "./schemas.js";
import type { OperationSpec, ResponseSpec } from "./spec-operations.js";

export interface RespondOptions {
  /** Sent with the answer, over the spec's example headers: `Retry-After`, `X-RateLimit-*` … */
  headers?: Record<string, string>;
}

function declared(operation: OperationSpec, status: number): ResponseSpec | undefined {
  return (
    operation.responses.find((r) => r.status === String(status)) ??
    operation.responses.find((r) => /^\dXX$/i.test(r.status) && statusNumber(r.status) === Math.floor(status / 100) * 100)
  );
}

export function makeRespond(context: MockContext) {
  const byKey = new Map(context.operations.map((o) => [o.key, o]));
  const who = context.description.displayName;
  return function respond(key: string, status: number, body?: unknown, options: RespondOptions = {}): HttpHandler {
    const where = `respond("${key}", ${status})`;
    const operation = byKey.get(key);
    if (!operation) {
      throw new Error(
        `${where}: ${who} has no operation "${key}". Keys are "METHOD /path" exactly as the spec writes them, ` +
          `e.g. "${context.operations[0]?.key}".`,
      );
    }
    const response = declared(operation, status);
    if (!response) {
      throw new Error(`${where}: the spec declares no ${status} answer for ${key}; it declares ${operation.responses.map((r) => r.status).join(", ")}.`);
    }
    const binary = typeof body === "string" || body instanceof Uint8Array;
    const media = response.content.find((c) => isJson(c.mediaType) !== binary) ?? response.content[0];
    // Only an omitted body means the example: a `null` is a body, checked like any other.
    const value = body === undefined ? media?.examples[0]?.value : body;
    if (media && value === undefined) {
      throw new Error(`${where}: the spec has no example for this answer; pass a body.`);
    }
    if (media && isJson(media.mediaType)) {
      const schema = media.schemaRef
        ? componentSchema(context.vendor, media.schemaRef)
        : status < 300
          ? operationSchemas(context.vendor, key).response
          : undefined;
      const issues = schema ? check(schema, value) : [];
      if (issues.length > 0) {
        const lines = issues.map((i) => `  at ${i.path || "(the body itself)"}: expected ${i.expected}, received ${i.received}`);
        throw new Error(`${where}: the body breaks ${who}'s contract:\n${lines.join("\n")}`);
      }
    }
    const headers = { ...response.headers, ...options.headers };
    return operationHandler(context, operation, () => ({ status, media, body: value, headers }));
  };
}

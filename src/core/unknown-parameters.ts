// Query and path parameters the spec does not declare. openapi-fetch's types lose excess-property
// checks once a required parameter is present (`{ domain_id, dayz: 7 }` compiles), and the server
// then drops `dayz` silently; the operation table's parameter names catch it without loading zod.
import { RequestValidationError, type ErrorContext, type ValidationIssue } from "./errors.js";
import type { OperationInfo } from "./operation.js";
import type { ValidationMode } from "./validate.js";

type Params = { query?: unknown; path?: unknown } | undefined;

function unknownIn(where: "query" | "path", given: unknown, known: readonly string[]): ValidationIssue[] {
  if (typeof given !== "object" || given === null) return [];
  const list = known.length ? known.join(", ") : "none";
  return Object.keys(given)
    .filter((name) => !known.includes(name) && (given as Record<string, unknown>)[name] !== undefined)
    .map((name) => ({
      path: `${where}.${name}`,
      expected: `one of the known ${where} parameters (${list})`,
      received: JSON.stringify(name),
      message: `unknown ${where} parameter "${name}"`,
    }));
}

/**
 * In "strict", throws a RequestValidationError naming each unknown parameter and the known ones
 * (nothing is sent); in "warn", hands that error to `warn` and the request goes out as it is.
 */
export function checkParameterNames(
  op: OperationInfo | undefined,
  params: Params,
  mode: ValidationMode,
  context: ErrorContext,
  warn: (error: RequestValidationError) => void,
): void {
  if (!op?.parameters || !params || mode === "off") return;
  const issues = [...unknownIn("query", params.query, op.parameters.query), ...unknownIn("path", params.path, op.parameters.path)];
  if (!issues.length) return;
  if (mode === "strict") throw new RequestValidationError(context, issues);
  warn(new RequestValidationError(context, issues, { sent: true }));
}

// What the real APIs (and Prism with --errors) refuse before answering: a request without the
// vendor's auth header (401), or parameters or a body the spec forbids (400, naming the part),
// an unknown query parameter included.
import { check } from "../../core/validate.js";
import type { OperationSchemas, Schema } from "../../core/operation.js";
import type { JsonSchema, OperationSpec, ParameterSpec } from "./spec-operations.js";

export interface Refusal {
  status: 400 | 401;
  /** Absent for 401: the spec's example carries the vendor's own wording. */
  message?: string;
}

function authenticated(operation: OperationSpec, headers: Headers): boolean {
  if (operation.security.length === 0) return true;
  return operation.security.some((alternative) =>
    alternative.every(({ header, valuePrefix }) => {
      const value = headers.get(header);
      return value !== null && value.length > valuePrefix.length && value.toLowerCase().startsWith(valuePrefix.toLowerCase());
    }),
  );
}

function typesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

/** URL text is always a string; give zod the value the spec's type means, as a client sent it. */
function coerce(text: string, schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if ((types.includes("integer") || types.includes("number")) && text.trim() !== "" && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}

function parameterValues(params: ParameterSpec[], read: (name: string) => string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const param of params) {
    const raw = read(param.name);
    if (raw.length === 0) continue;
    values[param.name] = typesOf(param.schema).includes("array")
      ? raw.flatMap((v) => v.split(",")).map((v) => coerce(v, param.schema.items ?? {}))
      : coerce(raw.at(-1)!, param.schema);
  }
  return values;
}

/** `where` names the part; the JSON path of the first issue, when there is one, names the field. */
function firstIssue(schema: Schema | undefined, value: unknown, where: string): string | undefined {
  const issue = schema ? check(schema, value)[0] : undefined;
  if (!issue) return undefined;
  const name = issue.path ? `${where} "${issue.path}"` : where;
  return `Invalid ${name}: expected ${issue.expected}, received ${issue.received}.`;
}

/** The vendors answer 400 to a query parameter they do not know, where Prism passes it. */
function unknownQuery(declared: ParameterSpec[], sent: URLSearchParams): string | undefined {
  const known = declared.map((p) => p.name);
  const unknown = [...new Set(sent.keys())].find((name) => !known.includes(name));
  if (unknown === undefined) return undefined;
  return `Invalid query parameter "${unknown}": unknown; known: ${known.length ? known.sort().join(", ") : "none"}.`;
}

export async function refusal(
  operation: OperationSpec,
  schemas: OperationSchemas,
  request: Request,
  pathParams: Record<string, string>,
): Promise<Refusal | undefined> {
  if (!authenticated(operation, request.headers)) {
    return { status: 401 };
  }
  const url = new URL(request.url);
  const byPlace = (place: ParameterSpec["in"]) => operation.parameters.filter((p) => p.in === place);
  const path = parameterValues(byPlace("path"), (name) => (pathParams[name] === undefined ? [] : [pathParams[name]]));
  const query = parameterValues(byPlace("query"), (name) => url.searchParams.getAll(name));
  const problem =
    unknownQuery(byPlace("query"), url.searchParams) ??
    firstIssue(schemas.path, path, "path parameter") ??
    firstIssue(schemas.query, query, "query parameter");
  if (problem) return { status: 400, message: problem };
  if (!operation.body) return undefined;
  const text = await request.text();
  if (text === "") {
    return operation.body.required ? { status: 400, message: "Invalid request body: expected a JSON body, received nothing." } : undefined;
  }
  if (!operation.body.mediaTypes.some((type) => type.includes("json"))) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: 400, message: "Invalid request body: expected JSON, received text that does not parse." };
  }
  const bodyProblem = firstIssue(schemas.body, body, "request body");
  return bodyProblem ? { status: 400, message: bodyProblem } : undefined;
}

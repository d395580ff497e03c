// Step 4: a small runtime table of every operation, so clients need not load the whole spec:
// operations.ts (operationId, scopes, response kind, parameter names, deprecated), imported with the client. validators.ts
// (step 5) keys its schemas by the same entries.
import type { OpenApiDocument } from "./bundle.js";
import { GENERATED_HEADER } from "./vendors.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

type Response = { content?: Record<string, unknown>; $ref?: string };
type Parameter = { name?: string; in?: string; $ref?: string };
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  deprecated?: boolean;
  responses?: Record<string, Response>;
};

/** A response may be a `$ref` to `#/components/responses/…` (shared by several operations). */
function resolve(doc: OpenApiDocument, response: Response): Response {
  if (!response.$ref) return response;
  const name = response.$ref.replace("#/components/responses/", "");
  const target = (doc.components as { responses?: Record<string, Response> } | undefined)?.responses?.[name];
  if (!target) throw new Error(`unresolved response ${response.$ref}`);
  return resolve(doc, target);
}

/** The names of the query and path parameters an operation takes, its path item's included. */
function parameterNames(doc: OpenApiDocument, item: Record<string, unknown>, op: Operation): { query: string[]; path: string[] } {
  const shared = (doc.components as { parameters?: Record<string, Parameter> } | undefined)?.parameters ?? {};
  const all = [...((item.parameters as Parameter[] | undefined) ?? []), ...(op.parameters ?? [])].map((p) => {
    if (!p.$ref) return p;
    const target = shared[p.$ref.replace("#/components/parameters/", "")];
    if (!target) throw new Error(`unresolved parameter ${p.$ref}`);
    return target;
  });
  const named = (place: string) => [...new Set(all.filter((p) => p.in === place).map((p) => String(p.name)))].sort();
  return { query: named("query"), path: named("path") };
}

/** The zod plugin names an operation's schemas `z<OperationId>Path`, `…Query`, `…Body`, `…Response`. */
export const schemaBaseName = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

interface Entry {
  key: string;
  operationId: string;
  scopes: string[];
  responseKind: "json" | "binary" | "none";
  mediaTypes: string[];
  /** Only when the spec marks the operation deprecated (the client warns once when it is called). */
  deprecated?: true;
  parameters: { query: string[]; path: string[] };
}

export function operationEntries(doc: OpenApiDocument): Entry[] {
  const out: Entry[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const security = op.security ?? doc.security ?? [];
      const scopes = [...new Set(security.flatMap((requirement) => Object.values(requirement).flat()))];
      const success = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith("2"));
      const mediaTypes = [...new Set(success.flatMap(([, response]) => Object.keys(resolve(doc, response).content ?? {})))];
      const responseKind = mediaTypes.length === 0 ? "none" : mediaTypes.some((t) => t.includes("json")) ? "json" : "binary";
      const parameters = parameterNames(doc, item as Record<string, unknown>, op);
      out.push({ key: `${method.toUpperCase()} ${path}`, operationId: op.operationId, scopes, responseKind, mediaTypes, parameters, ...(op.deprecated ? { deprecated: true as const } : {}) });
    }
  }
  return out;
}

export function renderOperations(doc: OpenApiDocument): string {
  const rows = operationEntries(doc).map(
    (e) =>
      `  ${JSON.stringify(e.key)}: {\n` +
      `    operationId: ${JSON.stringify(e.operationId)},\n` +
      `    scopes: ${JSON.stringify(e.scopes)},\n` +
      `    responseKind: ${JSON.stringify(e.responseKind)},\n` +
      `    mediaTypes: ${JSON.stringify(e.mediaTypes)},\n` +
      `    parameters: { query: ${JSON.stringify(e.parameters.query)}, path: ${JSON.stringify(e.parameters.path)} },\n` +
      (e.deprecated ? "    deprecated: true,\n" : "") +
      `  },`,
  );
  return [
    `// ${GENERATED_HEADER}`,
    "// One entry per operation, keyed by `METHOD /path` as written in the spec.",
    'import type { OperationTable } from "../../src/core/operation.js";',
    "",
    `export const operationTable = {\n${rows.join("\n")}\n} as const satisfies OperationTable;`,
    "",
  ].join("\n");
}

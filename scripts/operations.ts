// Step 4: a small runtime table of every operation, so clients need not load the whole spec:
// operations.ts (operationId, scopes, response kind, deprecated), imported with the client. validators.ts
// (step 5) keys its schemas by the same entries.
import type { OpenApiDocument } from "./bundle.js";
import { GENERATED_HEADER } from "./vendors.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

type Response = { content?: Record<string, unknown>; $ref?: string };
type Operation = {
  operationId?: string;
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
      out.push({ key: `${method.toUpperCase()} ${path}`, operationId: op.operationId, scopes, responseKind, mediaTypes, ...(op.deprecated ? { deprecated: true as const } : {}) });
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

// Step 4: a small runtime table of every operation (method, path, scopes, which zod schemas
// check its request and its response), so clients validate without loading the whole spec.
import type { OpenApiDocument } from "./bundle.js";
import { GENERATED_HEADER } from "./vendors.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

type Response = { content?: Record<string, unknown>; $ref?: string };
type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
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

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

export function renderOperations(doc: OpenApiDocument, zodSource: string): string {
  const exported = new Set([...zodSource.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]));
  const ref = (name: string) => (exported.has(name) ? `z.${name}` : "undefined");
  const entries: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const name = pascal(op.operationId);
      const security = op.security ?? doc.security ?? [];
      const scopes = [...new Set(security.flatMap((requirement) => Object.values(requirement).flat()))];
      const success = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith("2"));
      const mediaTypes = success.flatMap(([, response]) => Object.keys(resolve(doc, response).content ?? {}));
      const responseKind = mediaTypes.length === 0 ? "none" : mediaTypes.some((t) => t.includes("json")) ? "json" : "binary";
      entries.push(
        `  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: {\n` +
          `    operationId: ${JSON.stringify(op.operationId)},\n` +
          `    scopes: ${JSON.stringify(scopes)},\n` +
          `    responseKind: ${JSON.stringify(responseKind)},\n` +
          `    mediaTypes: ${JSON.stringify([...new Set(mediaTypes)])},\n` +
          `    path: ${ref(`z${name}Path`)},\n` +
          `    query: ${ref(`z${name}Query`)},\n` +
          `    body: ${ref(`z${name}Body`)},\n` +
          `    response: ${responseKind === "json" ? ref(`z${name}Response`) : "undefined"},\n` +
          `  },`,
      );
    }
  }
  return [
    `// ${GENERATED_HEADER}`,
    "// One entry per operation, keyed by `METHOD /path` as written in the spec.",
    'import * as z from "./zod.js";',
    'import type { OperationTable } from "../../src/core/operation.js";',
    "",
    `export const operationTable = {\n${entries.join("\n")}\n} as const satisfies OperationTable;`,
    "",
  ].join("\n");
}

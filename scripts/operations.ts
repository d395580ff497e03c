// Step 4: two small runtime tables of every operation, so clients need not load the whole spec:
// operations.ts (operationId, scopes, response kind), imported with the client, and validators.ts
// (which zod schemas check its request and its response), which the client imports lazily, so
// zod stays out of an app that turns validation off.
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

interface Entry {
  key: string;
  operationId: string;
  scopes: string[];
  responseKind: "json" | "binary" | "none";
  mediaTypes: string[];
}

function entries(doc: OpenApiDocument): Entry[] {
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
      out.push({ key: `${method.toUpperCase()} ${path}`, operationId: op.operationId, scopes, responseKind, mediaTypes });
    }
  }
  return out;
}

export function renderOperations(doc: OpenApiDocument): string {
  const rows = entries(doc).map(
    (e) =>
      `  ${JSON.stringify(e.key)}: {\n` +
      `    operationId: ${JSON.stringify(e.operationId)},\n` +
      `    scopes: ${JSON.stringify(e.scopes)},\n` +
      `    responseKind: ${JSON.stringify(e.responseKind)},\n` +
      `    mediaTypes: ${JSON.stringify(e.mediaTypes)},\n` +
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

export function renderValidators(doc: OpenApiDocument, zodSource: string): string {
  const exported = new Set([...zodSource.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]));
  const ref = (name: string) => (exported.has(name) ? `z.${name}` : "undefined");
  const rows = entries(doc).map((e) => {
    const name = pascal(e.operationId);
    return (
      `  ${JSON.stringify(e.key)}: {\n` +
      `    path: ${ref(`z${name}Path`)},\n` +
      `    query: ${ref(`z${name}Query`)},\n` +
      `    body: ${ref(`z${name}Body`)},\n` +
      `    response: ${e.responseKind === "json" ? ref(`z${name}Response`) : "undefined"},\n` +
      `  },`
    );
  });
  return [
    `// ${GENERATED_HEADER}`,
    "// The zod schemas of each operation's request and JSON response, keyed like operations.ts.",
    'import * as z from "./zod.js";',
    'import type { ValidatorTable } from "../../src/core/operation.js";',
    "",
    `export const validatorTable = {\n${rows.join("\n")}\n} as const satisfies ValidatorTable;`,
    "",
  ].join("\n");
}

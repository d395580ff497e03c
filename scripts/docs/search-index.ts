// The landing page's cross-vendor search index, built with the site: every operation of every
// vendor with what a reader searches by (path, summary, operationId, parameter and field names)
// and the Redoc route of the operation on its vendor's page. Nothing is fetched at run time.
import { readFileSync } from "node:fs";
import { dereference } from "../../src/cli/diff/load-spec.js";
import { repoRoot } from "../vendors.js";

export interface SearchEntry {
  vendor: string;
  title: string;
  method: string;
  path: string;
  summary: string;
  operationId: string;
  /** Parameter names and field names of the request body and success responses (dotted). */
  fields: string[];
  /** `<vendor>/index.html#/<tag>/<operationid>`: Redoc 3 routes by tag slug and lower-cased operationId. */
  href: string;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);

// Redoc 3 makes a tag's route segment from its name: lower case, runs of other characters as "-".
export const tagSlug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Field names of a schema, nested ones dotted, each schema visited once (recursive schemas end). */
function fieldNames(schema: unknown, prefix: string, into: Set<string>, seen = new Set<unknown>()) {
  if (!isNode(schema) || seen.has(schema)) return;
  seen.add(schema);
  for (const part of ["allOf", "oneOf", "anyOf"]) {
    for (const sub of (schema[part] as unknown[] | undefined) ?? []) fieldNames(sub, prefix, into, seen);
  }
  if (schema.items) fieldNames(schema.items, prefix, into, seen);
  for (const [name, sub] of Object.entries((schema.properties as Node | undefined) ?? {})) {
    into.add(`${prefix}${name}`);
    fieldNames(sub, `${prefix}${name}.`, into, seen);
  }
}

const jsonSchemas = (content: unknown) =>
  Object.entries(isNode(content) ? content : {}).flatMap(([type, media]) => (type.includes("json") && isNode(media) ? [media.schema] : []));

export function searchEntries(vendor: string): SearchEntry[] {
  const file = `${repoRoot}/generated/${vendor}/openapi.json`;
  const spec = dereference(JSON.parse(readFileSync(file, "utf8")), file, () => {
    throw new Error(`${file} refers to another file`);
  }) as { info: { title: string }; paths: Record<string, Node> };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      if (!isNode(op)) return [];
      const fields = new Set<string>();
      for (const p of [...((item.parameters as Node[]) ?? []), ...((op.parameters as Node[]) ?? [])]) fields.add(String(p.name));
      for (const schema of jsonSchemas((op.requestBody as Node | undefined)?.content)) fieldNames(schema, "", fields);
      for (const [status, response] of Object.entries((op.responses as Node) ?? {})) {
        if (status.startsWith("2") && isNode(response)) for (const schema of jsonSchemas(response.content)) fieldNames(schema, "", fields);
      }
      const operationId = String(op.operationId);
      const tag = ((op.tags as string[] | undefined) ?? [])[0] ?? "";
      return [{
        vendor,
        title: spec.info.title,
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ""),
        operationId,
        fields: [...fields],
        href: `${vendor}/index.html#/${tagSlug(tag)}/${operationId.toLowerCase()}`,
      }];
    }),
  );
}

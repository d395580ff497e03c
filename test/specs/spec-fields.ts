// The specs' fields and examples, read from the bundled specs (generated/<vendor>/openapi.json):
// every example with the schema it documents, every declared object property with whether it is
// required, and the rename probe that asks whether a spec notices a field of an example renamed.
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

export const VENDORS = ["aiclicks", "ailabsaudit", "aiptx", "ayliea"] as const;
export type Vendor = (typeof VENDORS)[number];

/** How a spec's description marks a field no vendor source shows (specs/README.md). */
export const GUESS_PREFIX = "Not in the vendor's documentation:";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Node = { [keyword: string]: unknown };
export type Spec = Node & { paths: Record<string, Record<string, Node>>; components: Record<string, Record<string, Node>> };

export function loadSpec(vendor: string): Spec {
  return JSON.parse(readFileSync(new URL(`../../generated/${vendor}/openapi.json`, import.meta.url), "utf8")) as Spec;
}

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const unescape = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/** Follows local `$ref`s: the target node and its JSON pointer ("/components/schemas/Domain"). */
export function deref(spec: Spec, node: Node, pointer: string): { node: Node; pointer: string } {
  let current = { node, pointer };
  for (let hops = 0; typeof current.node.$ref === "string"; hops++) {
    const ref = current.node.$ref as string;
    if (!ref.startsWith("#/") || hops > 32) throw new Error(`unsupported $ref ${ref} at ${current.pointer}`);
    const target = ref
      .slice(2)
      .split("/")
      .map(unescape)
      .reduce<unknown>((n, key) => (n as Record<string, unknown> | undefined)?.[key], spec);
    if (!target || typeof target !== "object") throw new Error(`dangling $ref ${ref}`);
    current = { node: target as Node, pointer: ref.slice(1) };
  }
  return current;
}

/** Ajv as Prism validates OpenAPI 3.1 schemas: the default (draft-07) class, union types, ajv-formats. */
export function specAjv(spec: Spec): Ajv {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema(spec as object, "spec");
  return ajv;
}

export interface SpecExample {
  /** Where it is: "GET /scans/{scan_id} 200 application/json example=completed". */
  where: string;
  kind: "response" | "request";
  status?: string;
  /** JSON pointer of the schema it documents. */
  schemaPointer: string;
  value: Json;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

/** Every JSON example of a response or request body, callbacks included, with its schema. */
export function specExamples(spec: Spec): SpecExample[] {
  const out: SpecExample[] = [];
  const fromContent = (where: string, kind: SpecExample["kind"], holder: { node: Node; pointer: string }, status?: string) => {
    const content = (holder.node.content ?? {}) as Record<string, Node>;
    for (const [media, entry] of Object.entries(content)) {
      if (!/json/.test(media) || !entry.schema) continue;
      const schemaPointer = `${holder.pointer}/content/${escape(media)}/schema`;
      const base = { kind, schemaPointer, ...(status ? { status } : {}) };
      if ("example" in entry) out.push({ ...base, where: `${where} ${media} example`, value: entry.example as Json });
      for (const [name, example] of Object.entries((entry.examples ?? {}) as Record<string, Node>)) {
        const resolved = deref(spec, example, `${schemaPointer}/../examples/${escape(name)}`).node;
        if ("value" in resolved) out.push({ ...base, where: `${where} ${media} example=${name}`, value: resolved.value as Json });
      }
    }
  };
  const operations = (paths: Record<string, Record<string, Node>>, pointer: string, label: string) => {
    for (const [path, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const opPointer = `${pointer}/${escape(path)}/${method}`;
        const where = `${label}${method.toUpperCase()} ${path}`;
        if (op.requestBody) fromContent(where, "request", deref(spec, op.requestBody as Node, `${opPointer}/requestBody`));
        for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Node>)) {
          fromContent(`${where} ${status}`, "response", deref(spec, response, `${opPointer}/responses/${status}`), status);
        }
        for (const [name, callback] of Object.entries((op.callbacks ?? {}) as Record<string, Record<string, Record<string, Node>>>)) {
          operations(callback, `${opPointer}/callbacks/${escape(name)}`, `${where} callback ${name}: `);
        }
      }
    }
  };
  operations(spec.paths, "/paths", "");
  return out;
}

/** The compiled validator of a schema pointer. */
export function validatorAt(ajv: Ajv, pointer: string): ValidateFunction {
  const ref = `spec#${pointer.split("/").map((s) => encodeURIComponent(s)).join("/")}`;
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`ajv cannot compile ${pointer}`);
  return validate;
}

export interface SpecProperty {
  /** JSON pointer of the property's schema: "/components/schemas/Domain/properties/id". */
  pointer: string;
  name: string;
  required: boolean;
  description: string;
}

/** Every property declared in an object schema anywhere in the spec (components and inline). */
export function specProperties(spec: Spec): SpecProperty[] {
  const out: SpecProperty[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${pointer}/${i}`));
    const record = node as Node;
    // Examples hold data, not schemas.
    const isSchema = (key: string) => !["example", "examples", "value"].includes(key);
    const properties = record.properties;
    if (properties && typeof properties === "object" && !Array.isArray(properties)) {
      const required = new Set((record.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries(properties as Record<string, Node>)) {
        const description = typeof schema.description === "string" ? schema.description : "";
        out.push({ pointer: `${pointer}/properties/${escape(name)}`, name, required: required.has(name), description });
      }
    }
    for (const [key, child] of Object.entries(record)) {
      if (!isSchema(key)) continue;
      if (key === "properties" && child && typeof child === "object") {
        for (const [name, schema] of Object.entries(child as Record<string, unknown>)) visit(schema, `${pointer}/properties/${escape(name)}`);
      } else visit(child, `${pointer}/${escape(key)}`);
    }
  };
  visit(spec.components?.schemas, "/components/schemas");
  visit(spec.paths, "/paths");
  visit(spec.components?.responses, "/components/responses");
  return out;
}

/** Optional share over the properties each schema of `components.schemas` declares itself (issue 21's measure). */
export function optionalShare(spec: Spec): { optional: number; total: number } {
  const properties = specProperties(spec).filter((p) => /^\/components\/schemas\/[^/]+\/properties\/[^/]+$/.test(p.pointer));
  return { optional: properties.filter((p) => !p.required).length, total: properties.length };
}

/** Every object key of a value, by its path of keys and array indexes. */
export function objectKeys(value: Json, path: (string | number)[] = []): { path: (string | number)[]; key: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectKeys(item, [...path, i]));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [{ path, key }, ...objectKeys(child, [...path, key])]);
}

/** The value with one key renamed (`key` → `key_renamed`) at the given path, key order kept. */
export function renamed(value: Json, path: (string | number)[], key: string, suffix = "_renamed"): Json {
  if (path.length === 0) {
    return Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k === key ? k + suffix : k, v]));
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? renamed(item, rest, key, suffix) : item));
  return { ...(value as Record<string, Json>), [head as string]: renamed((value as Record<string, Json>)[head as string]!, rest, key, suffix) };
}

/**
 * The pointer of the schema that declares `key` of the object at `path` in a value of the schema at
 * `pointer`: "/components/schemas/Domain/properties/id", or ".../additionalProperties" for a key of a
 * map. Searches allOf/anyOf/oneOf branches in order; undefined when nothing declares it.
 */
export function declaringSchema(spec: Spec, pointer: string, path: (string | number)[], key: string): string | undefined {
  const start = deref(spec, { $ref: `#${pointer}` }, pointer);
  return find(start.node, start.pointer, path);

  function find(node: Node, at: string, rest: (string | number)[]): string | undefined {
    const here = deref(spec, node, at);
    node = here.node;
    at = here.pointer;
    for (const combinator of ["allOf", "anyOf", "oneOf"]) {
      const branches = node[combinator] as Node[] | undefined;
      for (const [i, branch] of (branches ?? []).entries()) {
        const found = find(branch, `${at}/${combinator}/${i}`, rest);
        if (found) return found;
      }
    }
    const properties = (node.properties ?? {}) as Record<string, Node>;
    if (rest.length === 0) {
      if (properties[key]) return `${at}/properties/${escape(key)}`;
      if (node.additionalProperties && typeof node.additionalProperties === "object") return `${at}/additionalProperties`;
      return undefined;
    }
    const [head, ...tail] = rest;
    if (typeof head === "number") return node.items ? find(node.items as Node, `${at}/items`, tail) : undefined;
    if (properties[head!]) return find(properties[head!]!, `${at}/properties/${escape(head!)}`, tail);
    if (node.additionalProperties && typeof node.additionalProperties === "object") {
      return find(node.additionalProperties as Node, `${at}/additionalProperties`, tail);
    }
    return undefined;
  }
}

export interface RenameProbe {
  vendor: string;
  where: string;
  /** "data.items[].id" */
  field: string;
  /** The schema that declares the field. */
  declaredBy: string | undefined;
  caught: boolean;
}

/** Renames every key of every response example, one at a time, and asks the spec for a verdict. */
export function probeRenames(vendor: string, spec: Spec = loadSpec(vendor)): RenameProbe[] {
  const ajv = specAjv(spec);
  const probes: RenameProbe[] = [];
  for (const example of specExamples(spec).filter((e) => e.kind === "response")) {
    const validate = validatorAt(ajv, example.schemaPointer);
    if (!validate(example.value)) continue; // reported by the example test, not a rename question
    for (const { path, key } of objectKeys(example.value)) {
      const field = [...path.map((p) => (typeof p === "number" ? "[]" : `.${p}`)), `.${key}`].join("").replace(/^\./, "").replace(/\.\[\]/g, "[]");
      probes.push({
        vendor,
        where: example.where,
        field,
        declaredBy: declaringSchema(spec, example.schemaPointer, path, key),
        caught: !validate(renamed(example.value, path, key)),
      });
    }
  }
  return probes;
}

/** Every object of every response example, by the schema that declares its keys: which keys it shows. */
export function exampleInstances(spec: Spec): Map<string, { where: string; keys: Set<string> }[]> {
  const instances = new Map<string, { where: string; keys: Set<string> }[]>();
  for (const example of specExamples(spec).filter((e) => e.kind === "response")) {
    const objects = new Map<string, Set<string>>();
    for (const { path, key } of objectKeys(example.value)) {
      const declared = declaringSchema(spec, example.schemaPointer, path, key);
      if (!declared || declared.endsWith("/additionalProperties")) continue;
      const parent = declared.slice(0, declared.lastIndexOf("/properties/"));
      const id = `${parent}\u0000${JSON.stringify(path)}`;
      if (!objects.has(id)) objects.set(id, new Set());
      objects.get(id)!.add(key);
    }
    for (const [id, keys] of objects) {
      const parent = id.split("\u0000")[0]!;
      if (!instances.has(parent)) instances.set(parent, []);
      instances.get(parent)!.push({ where: example.where, keys });
    }
  }
  return instances;
}

/** The pointers of every object schema a response body can reach (through $ref, items, combinators …). */
export function responseSchemas(spec: Spec): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== "object") return;
    const here = deref(spec, node as Node, pointer);
    if (seen.has(here.pointer)) return;
    seen.add(here.pointer);
    const n = here.node;
    for (const [name, child] of Object.entries((n.properties ?? {}) as Record<string, Node>)) visit(child, `${here.pointer}/properties/${escape(name)}`);
    if (n.items) visit(n.items, `${here.pointer}/items`);
    if (n.additionalProperties && typeof n.additionalProperties === "object") visit(n.additionalProperties, `${here.pointer}/additionalProperties`);
    for (const combinator of ["allOf", "anyOf", "oneOf"]) {
      ((n[combinator] ?? []) as Node[]).forEach((branch, i) => visit(branch, `${here.pointer}/${combinator}/${i}`));
    }
  };
  for (const example of specExamples(spec)) if (example.kind === "response") visit({ $ref: `#${example.schemaPointer}` }, example.schemaPointer);
  // Responses without an example still count.
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(((item[method]?.responses ?? {}) as Record<string, Node>))) {
        const r = deref(spec, response, `/paths/${escape(path)}/${method}/responses/${status}`);
        for (const [media, entry] of Object.entries((r.node.content ?? {}) as Record<string, Node>)) {
          if (/json/.test(media) && entry.schema) visit(entry.schema, `${r.pointer}/content/${escape(media)}/schema`);
        }
      }
    }
  }
  return seen;
}

// Shared by the property-based contract tests (test/property/<vendor>.test.ts): a seeded dynamic
// Prism, the concrete request of every operation, the JSON Schema of its success response, a
// draft-07 oracle for that schema, and the mutants derived from a valid response.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
// ajv and ajv-formats, pinned to the versions @stoplight/prism-cli validates with: the oracle
// judges by the same draft-07 rules Prism mocks and validates with.
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { authHeaderFor, exampleTarget, operationsOf, type BundledSpec, type SpecOperation } from "../../src/cli/spec-examples.js";
import type { OperationTable, PrecompiledCheck, PrecompiledTable, Schema, ValidatorTable } from "../../src/core/operation.js";
import type { VendorDescription } from "../../src/core/vendor.js";
import { deref, type Spec } from "../specs/spec-fields.js";
import { startMock, specPath, type RunningMock } from "../../src/testing/start-mock.js";

/** Responses per operation. */
export const SAMPLES = 100;
/** Requests in flight at once against one Prism. */
export const CONCURRENCY = 8;

export type JsonSchema = { [keyword: string]: unknown };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---------------------------------------------------------------------------------------------
// Prism, seeded

const preload = fileURLToPath(new URL("./seeded-random.cjs", import.meta.url));

/**
 * Prism in dynamic mode whose random source is seeded once, so responses differ from request to
 * request yet repeat from run to run. Prism's own `--seed` (startMock's `seed`) cannot do this: it
 * re-seeds json-schema-faker before every response, so every response of an operation is the same
 * (test/property/seeding.test.ts pins that). The seed reaches the child through its environment:
 * startMock spawns Prism with this process's env, which is restored right after the spawn.
 */
export function startSeededMock(vendor: string, seed: string): Promise<RunningMock> {
  // One at a time: the env is this process's, and startMock spawns only after awaiting a port.
  const started = spawnQueue.then(() => spawnSeeded(vendor, seed));
  spawnQueue = started.then(
    () => undefined,
    () => undefined,
  );
  return started;
}

let spawnQueue: Promise<void> = Promise.resolve();

async function spawnSeeded(vendor: string, seed: string): Promise<RunningMock> {
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, PRISM_PROPERTY_SEED: process.env.PRISM_PROPERTY_SEED };
  process.env.NODE_OPTIONS = [saved.NODE_OPTIONS, `--require ${JSON.stringify(preload)}`].filter(Boolean).join(" ");
  process.env.PRISM_PROPERTY_SEED = seed;
  try {
    return await startMock(vendor, { dynamic: true });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** A loopback server (127.0.0.1, free port) that takes Prism's callback deliveries. */
export async function startCallbackReceiver() {
  const deliveries: { method: string; path: string; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      deliveries.push({ method: request.method!, path: request.url!, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, deliveries, close };
}

// ---------------------------------------------------------------------------------------------
// The spec: operations, their requests and their success-response schemas

type Operation = SpecOperation & {
  callbacks?: Record<string, Record<string, unknown>>;
  requestBody?: { content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown }> }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};

export interface VendorContract {
  vendor: string;
  spec: BundledSpec & { components: Record<string, Record<string, unknown>> };
  table: OperationTable;
  /** The generated zod schemas, as the client loads them. */
  validators: ValidatorTable;
  /** The checks precompiled from them, the client's fast path. */
  precompiled: PrecompiledTable;
  /** The draft-07 oracle: the spec's own verdict on a value, as Prism's validator would give it. */
  ajv: Ajv;
}

/** The vendor's shipped spec, its generated tables (as its client loads them) and the oracle. */
export async function loadContract(vendor: VendorDescription): Promise<VendorContract> {
  const spec = JSON.parse(readFileSync(specPath(vendor.name), "utf8")) as VendorContract["spec"];
  const validators = await vendor.loadValidators();
  const precompiled = await vendor.loadPrecompiled!();
  // Prism validates OpenAPI 3.1 schemas with Ajv's default (draft-07) class, allowUnionTypes and
  // ajv-formats; so does this oracle (its date-time is RFC 3339's, Prism's own is laxer).
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema(spec as object, "spec");
  return { vendor: vendor.name, spec, table: vendor.operations, validators, precompiled, ajv };
}

const escapePointer = (segment: string) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"));

/** Resolves a local `$ref` ("#/components/…"): the target and its JSON pointer, URI-encoded for ajv. */
function resolve(contract: VendorContract, node: JsonSchema, pointer: string): { node: JsonSchema; pointer: string } {
  if (typeof node.$ref !== "string") return { node, pointer };
  const target = deref(contract.spec as unknown as Spec, node, pointer);
  return { node: target.node, pointer: target.pointer.split("/").map((s) => encodeURIComponent(s)).join("/") };
}

export interface OperationUnderTest {
  key: string;
  method: string;
  path: string;
  op: Operation;
  /** The zod schema the generator made for the success response. */
  zod: Schema;
  /** The check precompiled from it: must give zod's verdict on every sample and mutant. */
  precompiled: PrecompiledCheck;
  /** Its JSON Schema and pointer in the bundled spec. */
  schema: JsonSchema;
  pointer: string;
  /** The spec's own verdict. */
  oracle: ValidateFunction;
  successStatuses: string[];
}

/** Every operation whose success response is JSON (responseKind "json"), with its schemas. */
export function jsonOperations(contract: VendorContract): OperationUnderTest[] {
  const out: OperationUnderTest[] = [];
  const withShared = new Map(operationsOf(contract.spec).map((o) => [o.key, o.op as Operation]));
  for (const [key, info] of Object.entries(contract.table)) {
    if (info.responseKind !== "json") continue;
    const zod = contract.validators[key]?.response;
    if (!zod) throw new Error(`${key}: JSON response without a zod schema`);
    const precompiled = contract.precompiled[key]?.response;
    if (!precompiled) throw new Error(`${key}: JSON response without a precompiled check`);
    const [method, path] = key.split(" ") as [string, string];
    const op = withShared.get(key)!;
    const successStatuses = Object.keys(op.responses ?? {}).filter((code) => code.startsWith("2")).sort();
    const code = successStatuses[0]!;
    const response = resolve(
      contract,
      op.responses![code] as JsonSchema,
      `/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${code}`,
    );
    const content = (response.node.content ?? {}) as Record<string, { schema?: JsonSchema }>;
    if (!content["application/json"]?.schema) throw new Error(`${key}: no application/json schema on ${code}`);
    const pointer = `${response.pointer}/content/${escapePointer("application/json")}/schema`;
    const oracle = contract.ajv.getSchema(`spec#${pointer}`);
    if (!oracle) throw new Error(`${key}: ajv cannot compile ${pointer}`);
    out.push({ key, method, path, op, zod, precompiled, schema: content["application/json"].schema, pointer, oracle, successStatuses });
  }
  return out;
}

export interface ConcreteRequest {
  url: string;
  init: RequestInit;
}

/**
 * The request every sample of an operation is fetched with: required path and query parameters
 * from the spec's examples, the spec's request-body example, the vendor's auth header, and
 * `Accept: application/json` (operations that also serve PDF, CSV … must answer with the JSON
 * variant). `callbackUrl` replaces every body field a callback URL is read from, so Prism only
 * ever calls back to a loopback server of the test.
 */
export function concreteRequest(contract: VendorContract, o: OperationUnderTest, baseUrl: string, apiKey: string, callbackUrl?: string): ConcreteRequest {
  const target = exampleTarget(contract.spec, o.path, o.op);
  const url = new URL(baseUrl + target.path);
  for (const [name, value] of Object.entries(target.query)) url.searchParams.set(name, value);
  const [header, value] = authHeaderFor(contract.spec, o.op, apiKey);
  const headers: Record<string, string> = { [header]: value, accept: "application/json" };
  let body: string | undefined;
  const content = o.op.requestBody?.content?.["application/json"];
  if (o.op.requestBody) {
    if (!content) throw new Error(`${o.key}: request body is not application/json`);
    let example = content.example ?? Object.values(content.examples ?? {})[0]?.value;
    if (example === undefined) throw new Error(`${o.key}: the spec has no request-body example`);
    example = structuredClone(example);
    for (const field of callbackBodyFields(o)) {
      if (!callbackUrl) throw new Error(`${o.key}: has a callback, so it needs a loopback callbackUrl`);
      (example as Record<string, unknown>)[field] = callbackUrl;
    }
    body = JSON.stringify(example);
    headers["content-type"] = "application/json";
  } else if (callbackBodyFields(o).length) {
    throw new Error(`${o.key}: a callback without a request body to point at a loopback server`);
  }
  return { url: url.toString(), init: { method: o.method, headers, body } };
}

/**
 * The top-level body fields an operation's callbacks read their URL from. Only `{$request.body#/x}`
 * is supported; any other callback expression throws, so no callback can reach a host of the spec.
 */
export function callbackBodyFields(o: OperationUnderTest): string[] {
  const fields: string[] = [];
  for (const callback of Object.values(o.op.callbacks ?? {})) {
    for (const expression of Object.keys(callback)) {
      const match = /^\{\$request\.body#\/([A-Za-z0-9_]+)\}$/.exec(expression);
      if (!match) throw new Error(`${o.key}: unsupported callback URL expression ${expression}`);
      fields.push(match[1]!);
    }
  }
  return fields;
}

export interface Sample {
  status: number;
  contentType: string;
  text: string;
}

/** `count` responses to the same request, `concurrency` in flight. */
export async function collectSamples(request: ConcreteRequest, count = SAMPLES, concurrency = CONCURRENCY): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const response = await fetch(request.url, request.init);
      samples.push({ status: response.status, contentType: response.headers.get("content-type") ?? "", text: await response.text() });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Arrival order varies with scheduling; the multiset of bodies does not (one seeded stream, one
  // operation at a time), so sorting makes everything downstream repeat exactly.
  return samples.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Mutation sites

export type JsonType = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";
export type PathSegment = string | number;

export function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as "boolean" | "string" | "object";
}

/** A schema's allowed JSON types, or undefined when it allows any (no `type`, an open `{}` …). */
function allowedTypes(contract: VendorContract, raw: JsonSchema, pointer: string): Set<JsonType> | undefined {
  const { node, pointer: at } = resolve(contract, raw, pointer);
  if (node.allOf || node.not || node.if) throw new Error(`allOf/not/if at ${at}: teach the mutation walker first`);
  if (node.type !== undefined) return new Set((Array.isArray(node.type) ? node.type : [node.type]) as JsonType[]);
  const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const union = new Set<JsonType>();
    for (const [i, branch] of branches.entries()) {
      const types = allowedTypes(contract, branch, `${at}/${node.anyOf ? "anyOf" : "oneOf"}/${i}`);
      if (!types) return undefined; // one open branch allows every type
      types.forEach((t) => union.add(t));
    }
    return union;
  }
  const values = (node.enum as unknown[] | undefined) ?? ("const" in node ? [node.const] : undefined);
  if (values) return new Set(values.map(jsonType));
  return undefined;
}

const allows = (types: Set<JsonType>, t: JsonType) => types.has(t) || (t === "integer" && types.has("number"));

/**
 * One value of every JSON type; a wrong-type mutation replaces a field with one whose type the
 * field's schema does not allow. Type arrays (`[string, "null"]`) and anyOf/oneOf unions allow the
 * union of their types; `integer` is allowed by `number`; a schema with no `type` (`{}`, a bare
 * description) allows everything and is never a wrong-type site.
 */
export const WRONG_VALUES: readonly { type: JsonType; value: Json }[] = [
  { type: "string", value: "12345" },
  { type: "integer", value: 12345 },
  { type: "number", value: 1.5 },
  { type: "boolean", value: true },
  { type: "null", value: null },
  { type: "object", value: { unexpected: "object" } },
  { type: "array", value: ["unexpected", "array"] },
];

export interface DropSite {
  kind: "drop";
  path: PathSegment[];
  /** Where in the spec the property is required. */
  at: string;
}
export interface TypeSite {
  kind: "type";
  path: PathSegment[];
  at: string;
  /** The JSON types the schema allows here. */
  allowed: JsonType[];
  /** The replacement values of types the schema forbids. */
  wrong: Json[];
}
export type Site = DropSite | TypeSite;

/**
 * Every mutation site of `value` under `schema`: each required property present in the value, and
 * each value whose schema restricts its type. Inside anyOf/oneOf the walk follows the one branch
 * the value matches (per the oracle); when several match, it does not descend (a mutant could
 * still fit the other branch). Properties the schema does not declare (Prism's faker adds some;
 * objects are open) are not sites.
 */
export function mutationSites(
  contract: VendorContract,
  value: unknown,
  schema: JsonSchema,
  pointer: string,
  path: PathSegment[] = [],
  out: Site[] = [],
  unionBranch = false,
): Site[] {
  const { node, pointer: at } = resolve(contract, schema, pointer);
  const types = allowedTypes(contract, node, at);
  // A union's branch narrows the type only for the walk inside it: the value itself may take any
  // type of any branch, so its wrong-type site is the union's own (pushed one level up).
  if (types && !unionBranch) {
    const wrong = WRONG_VALUES.filter((w) => !allows(types, w.type)).map((w) => w.value);
    out.push({ kind: "type", path, at, allowed: [...types], wrong });
  }
  const combinator = node.anyOf ? "anyOf" : node.oneOf ? "oneOf" : undefined;
  if (combinator) {
    const branches = node[combinator] as JsonSchema[];
    const matching = branches
      .map((branch, i) => ({ branch, pointer: `${at}/${combinator}/${i}` }))
      .filter((b) => contract.ajv.getSchema(`spec#${b.pointer}`)!(value));
    if (matching.length === 1) mutationSites(contract, value, matching[0]!.branch, matching[0]!.pointer, path, out, true);
    return out;
  }
  if (jsonType(value) === "object") {
    const object = value as Record<string, unknown>;
    for (const name of (node.required as string[] | undefined) ?? []) {
      if (name in object) out.push({ kind: "drop", path: [...path, name], at: `${at}/required` });
    }
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    for (const [name, child] of Object.entries(properties)) {
      if (name in object) mutationSites(contract, object[name], child, `${at}/properties/${escapePointer(name)}`, [...path, name], out);
    }
    if (node.additionalProperties && typeof node.additionalProperties === "object") {
      for (const name of Object.keys(object).filter((n) => !(n in properties))) {
        mutationSites(contract, object[name], node.additionalProperties as JsonSchema, `${at}/additionalProperties`, [...path, name], out);
      }
    }
  } else if (jsonType(value) === "array" && node.items && typeof node.items === "object" && !Array.isArray(node.items)) {
    (value as unknown[]).forEach((item, i) => mutationSites(contract, item, node.items as JsonSchema, `${at}/items`, [...path, i], out));
  }
  return out;
}

/** A deep copy of `value` with the site's property dropped, or its value replaced by `wrong`. */
export function mutate(value: unknown, site: Site, wrong?: Json): unknown {
  if (site.kind === "type" && site.path.length === 0) return wrong;
  const copy = structuredClone(value) as Record<PathSegment, unknown>;
  let parent = copy;
  for (const segment of site.path.slice(0, -1)) parent = parent[segment] as Record<PathSegment, unknown>;
  const last = site.path[site.path.length - 1]!;
  if (site.kind === "drop") delete parent[last];
  else parent[last] = wrong;
  return copy;
}

export const showPath = (path: PathSegment[]) => (path.length ? path.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("") : "(root)");

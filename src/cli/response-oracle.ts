// The spec's own verdict on an answer: the bundled spec compiled once by Ajv, by the rules Prism
// validates with (draft-07 class, union types, ajv-formats), so verify judges answers it fetched
// itself exactly as Prism's proxy judged the answers it forwarded.
import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from "ajv";
import type { BundledSpec } from "./spec-examples.js";

export type JsonSchema = { [keyword: string]: unknown };
type Header = { $ref?: string; required?: boolean; schema?: JsonSchema };
export type MediaTypes = Record<string, { schema?: JsonSchema }>;
export type SpecResponse = { $ref?: string; content?: MediaTypes; headers?: Record<string, Header> };

type AjvModules = { Ajv: typeof AjvInstance; addFormats: (ajv: AjvInstance) => void };
// Optional peer dependencies (Prism depends on the same two, so installing Prism brings them),
// loaded only when a run starts.
async function loadAjv(): Promise<AjvModules> {
  try {
    const [ajv, formats] = await Promise.all([import("ajv"), import("ajv-formats")]);
    const addFormats = (formats as unknown as { default: AjvModules["addFormats"] }).default;
    return { Ajv: ajv.Ajv ?? (ajv as unknown as { default: { Ajv: typeof AjvInstance } }).default.Ajv, addFormats };
  } catch {
    throw new Error('verify needs the optional peer dependencies "ajv" and "ajv-formats" to judge answers: npm install --save-dev ajv@8 ajv-formats@2');
  }
}

const unescape = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");
const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

export class ResponseOracle {
  private static readonly bySpec = new WeakMap<BundledSpec, ResponseOracle>();
  private readonly ajv: AjvInstance;

  /** One oracle per spec object: Ajv compiles each schema once, however many runs judge by it. */
  static async for(spec: BundledSpec): Promise<ResponseOracle> {
    let oracle = ResponseOracle.bySpec.get(spec);
    if (!oracle) ResponseOracle.bySpec.set(spec, (oracle = new ResponseOracle(spec, await loadAjv())));
    return oracle;
  }

  private constructor(
    readonly spec: BundledSpec,
    { Ajv, addFormats }: AjvModules,
  ) {
    this.ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addSchema(spec as object, "spec");
  }

  /** The node a local `$ref` ("#/components/…") names, following chains; with its JSON pointer. */
  resolve<T extends { $ref?: string }>(node: T, pointer: string): { node: T; pointer: string } {
    let current = { node, pointer };
    for (let hops = 0; typeof current.node?.$ref === "string" && hops < 32; hops++) {
      const ref = current.node.$ref!;
      const target = ref.slice(2).split("/").map(unescape).reduce<unknown>((n, key) => (n as Record<string, unknown> | undefined)?.[key], this.spec);
      if (!ref.startsWith("#/") || !target) throw new Error(`the spec has a dangling $ref ${ref}`);
      current = { node: target as T, pointer: ref.slice(1) };
    }
    return current;
  }

  /** The declared response of an operation for a status (exact code, then nXX, then default). */
  response(path: string, method: string, responses: Record<string, unknown>, status: number): { response: SpecResponse; pointer: string } | undefined {
    const code = [String(status), `${String(status)[0]}XX`, "default"].find((c) => c in responses);
    if (!code) return undefined;
    const { node, pointer } = this.resolve(responses[code] as SpecResponse, `/paths/${escape(path)}/${method}/responses/${code}`);
    return { response: node, pointer };
  }

  /** What the body breaks, as "body.data.total: must be integer"; [] when it keeps to `pointer`'s schema. */
  check(pointer: string, value: unknown, where: string): string[] {
    const validate = this.compiled(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => describe(e, where));
  }

  /** The declared headers: each must be present when required, and keep to its schema when sent. */
  checkHeaders(response: SpecResponse, pointer: string, headers: Headers): string[] {
    const problems: string[] = [];
    for (const [name, raw] of Object.entries(response.headers ?? {})) {
      const { node: header, pointer: at } = this.resolve(raw, `${pointer}/headers/${escape(name)}`);
      const sent = headers.get(name);
      if (sent === null) {
        if (header.required) problems.push(`header ${name}: required by the spec, missing`);
        continue;
      }
      if (!header.schema) continue;
      // A header is text: a number the schema asks for is read as one, as Prism does.
      const type = (header.schema.type as string | undefined) ?? "";
      const value = (type === "integer" || type === "number") && sent.trim() !== "" && !Number.isNaN(Number(sent)) ? Number(sent) : sent;
      problems.push(...this.check(`${at}/schema`, value, `header ${name}`));
    }
    return problems;
  }

  private compiled(pointer: string): ValidateFunction {
    const validate = this.ajv.getSchema(`spec#${pointer.split("/").map((s) => encodeURIComponent(s)).join("/")}`);
    if (!validate) throw new Error(`Ajv cannot compile the spec's schema at ${pointer}`);
    return validate;
  }
}

function describe(error: ErrorObject, where: string): string {
  const at = error.instancePath.split("/").slice(1).map(unescape);
  const path = at.reduce((p, key) => (/^\d+$/.test(key) ? `${p}[${key}]` : `${p}.${key}`), where);
  const detail =
    error.keyword === "enum" ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")})` : "";
  return `${path}: ${error.message ?? error.keyword}${detail}`;
}

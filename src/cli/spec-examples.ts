// Concrete requests built from a bundled spec's own examples: the docs' code samples and the
// `verify` command's probe calls both come from here, so they agree with the spec and each other.
export type Schema = { type?: string | string[]; example?: unknown; examples?: unknown[]; default?: unknown; format?: string; enum?: unknown[] };
export type Parameter = { name: string; in: string; required?: boolean; example?: unknown; schema?: Schema; $ref?: string };
export type SecurityScheme = { type: string; scheme?: string; in?: string; name?: string };
export type SpecOperation = {
  operationId?: string;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content?: Record<string, { example?: unknown; schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
};
/** A path item: its operations by method, and parameters shared by all of them. */
export type PathItem = { parameters?: Parameter[] } & { [method: string]: SpecOperation | Parameter[] | undefined };
export type BundledSpec = {
  info: { title: string; version: string };
  servers: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, PathItem>;
  components?: { securitySchemes?: Record<string, SecurityScheme>; parameters?: Record<string, Parameter> };
};

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Every operation of the spec, with the parameters its path item declares for all its methods
 * merged in (an operation's own parameter of the same name and place wins, as OpenAPI says).
 * AIPTx declares its ids at the path-item level: reading operations alone sent `{scan_id}`.
 */
export function operationsOf(spec: Pick<BundledSpec, "paths" | "components">): { key: string; method: string; path: string; op: SpecOperation }[] {
  const place = (p: Parameter) => {
    const resolved = resolveParameter(spec, p);
    return `${resolved.in} ${resolved.name}`;
  };
  return Object.entries(spec.paths).flatMap(([path, item]) => {
    const shared = item.parameters ?? [];
    return HTTP_METHODS.flatMap((method) => {
      const own = item[method] as SpecOperation | undefined;
      if (!own) return [];
      const mine = new Set((own.parameters ?? []).map(place));
      const inherited = shared.filter((p) => !mine.has(place(p)));
      const op = inherited.length ? { ...own, parameters: [...inherited, ...(own.parameters ?? [])] } : own;
      return [{ key: `${method.toUpperCase()} ${path}`, method, path, op }];
    });
  });
}

/** An operation's parameters with `$ref`s to `#/components/parameters/…` resolved. */
export function parametersOf(spec: Pick<BundledSpec, "components">, op: SpecOperation): Parameter[] {
  return (op.parameters ?? []).map((p) => resolveParameter(spec, p));
}

function resolveParameter(spec: Pick<BundledSpec, "components">, p: Parameter): Parameter {
  return p.$ref ? spec.components?.parameters?.[p.$ref.split("/").pop()!] ?? p : p;
}

/** The value a sample request uses for a parameter: its example, else its default, else a typed placeholder. */
export function exampleValue(p: Parameter): unknown {
  const s = p.schema ?? {};
  if (p.example !== undefined) return p.example;
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  return type === "integer" || type === "number" ? 1 : s.format === "uuid" ? "00000000-0000-0000-0000-000000000000" : "value";
}

/** The path with its required path parameters filled in, and its required query parameters. */
export function exampleTarget(
  spec: Pick<BundledSpec, "components">,
  path: string,
  op: SpecOperation,
): { path: string; query: Record<string, string> } {
  const required = parametersOf(spec, op).filter((p) => p.required);
  let concrete = path;
  for (const p of required.filter((p) => p.in === "path")) {
    concrete = concrete.replace(`{${p.name}}`, encodeURIComponent(String(exampleValue(p))));
  }
  const query = Object.fromEntries(required.filter((p) => p.in === "query").map((p) => [p.name, String(exampleValue(p))]));
  return { path: concrete, query };
}

/** The header an operation's first security scheme uses: [name, value with `key` in place]. */
export function authHeaderFor(spec: BundledSpec, op: SpecOperation, key: string): [string, string] {
  const requirement = (op.security ?? spec.security ?? [])[0] ?? {};
  const scheme = spec.components?.securitySchemes?.[Object.keys(requirement)[0] ?? ""];
  if (scheme?.type === "apiKey" && scheme.in === "header" && scheme.name) return [scheme.name, key];
  return ["Authorization", `Bearer ${key}`];
}

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
export type BundledSpec = {
  info: { title: string; version: string };
  servers: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, SpecOperation>>;
  components?: { securitySchemes?: Record<string, SecurityScheme>; parameters?: Record<string, Parameter> };
};

/** An operation's parameters with `$ref`s to `#/components/parameters/…` resolved. */
export function parametersOf(spec: Pick<BundledSpec, "components">, op: SpecOperation): Parameter[] {
  return (op.parameters ?? []).map((p) => (p.$ref ? spec.components?.parameters?.[p.$ref.split("/").pop()!] ?? p : p));
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

// Builds the curl and TypeScript samples shown on every operation of the reference pages, from
// the spec itself, so they can never drift from it.
type Schema = { type?: string | string[]; example?: unknown; examples?: unknown[]; default?: unknown; format?: string; enum?: unknown[] };
type Parameter = { name: string; in: string; required?: boolean; example?: unknown; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { example?: unknown; schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
};
type SecurityScheme = { type: string; scheme?: string; in?: string; name?: string };

export interface SampleContext {
  vendor: string;
  serverUrl: string;
  envVar: string;
  clientFactory: string;
  securitySchemes: Record<string, SecurityScheme>;
  rootSecurity: Record<string, string[]>[];
}

function exampleOf(p: Parameter): unknown {
  const s = p.schema ?? {};
  if (p.example !== undefined) return p.example;
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  return type === "integer" || type === "number" ? 1 : s.format === "uuid" ? "00000000-0000-0000-0000-000000000000" : "value";
}

function authHeader(op: Operation, ctx: SampleContext): string {
  const requirement = (op.security ?? ctx.rootSecurity)[0] ?? {};
  const scheme = ctx.securitySchemes[Object.keys(requirement)[0] ?? ""];
  if (scheme?.type === "apiKey" && scheme.in === "header") return `${scheme.name}: $${ctx.envVar}`;
  return `Authorization: Bearer $${ctx.envVar}`;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function codeSamples(method: string, path: string, op: Operation, ctx: SampleContext) {
  const params = (op.parameters ?? []).filter((p) => p.required && p.in !== "header");
  const pathParams = params.filter((p) => p.in === "path");
  const query = params.filter((p) => p.in === "query");
  let concretePath = path;
  for (const p of pathParams) concretePath = concretePath.replace(`{${p.name}}`, encodeURIComponent(String(exampleOf(p))));
  const search = new URLSearchParams(query.map((p) => [p.name, String(exampleOf(p))])).toString();
  const jsonBody = op.requestBody?.content?.["application/json"];
  const body = jsonBody ? (jsonBody.example ?? {}) : undefined;
  const success = Object.entries(op.responses ?? {}).find(([s]) => s.startsWith("2"))?.[1];
  const binary = Object.keys(success?.content ?? {}).some((t) => !t.includes("json"));

  const curl = [
    `curl -X ${method.toUpperCase()} "${ctx.serverUrl}${concretePath}${search ? `?${search}` : ""}"`,
    `  -H "${authHeader(op, ctx)}"`,
    ...(body !== undefined ? [`  -H "Content-Type: application/json"`, `  -d ${shellQuote(JSON.stringify(body))}`] : []),
    ...(binary ? ["  --output response.bin"] : []),
  ].join(" \\\n");

  const init: string[] = [];
  const paramLines: string[] = [];
  if (pathParams.length) paramLines.push(`path: ${JSON.stringify(Object.fromEntries(pathParams.map((p) => [p.name, exampleOf(p)])))}`);
  if (query.length) paramLines.push(`query: ${JSON.stringify(Object.fromEntries(query.map((p) => [p.name, exampleOf(p)])))}`);
  if (paramLines.length) init.push(`  params: { ${paramLines.join(", ")} },`);
  if (body !== undefined) init.push(`  body: ${JSON.stringify(body, null, 2).replace(/\n/g, "\n  ")},`);
  if (binary) init.push(`  parseAs: "arrayBuffer",`);
  const call = `client.${method.toUpperCase()}("${path}"${init.length ? `, {\n${init.join("\n")}\n}` : ""})`;
  const typescript = [
    `import { unwrap } from "ai-vendor-contracts";`,
    `import { ${ctx.clientFactory} } from "ai-vendor-contracts/${ctx.vendor}";`,
    ``,
    `const client = ${ctx.clientFactory}(); // reads ${ctx.envVar}`,
    `const ${binary ? "bytes" : "body"} = unwrap(await ${call});`,
  ].join("\n");

  return [
    { lang: "Shell", label: "curl", source: curl },
    { lang: "TypeScript", label: "TypeScript", source: typescript },
  ];
}

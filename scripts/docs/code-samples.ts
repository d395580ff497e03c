// Builds the curl and TypeScript samples shown on every operation of the reference pages, from
// the spec itself, so they can never drift from it.
import {
  authHeaderFor,
  exampleTarget,
  exampleValue,
  parametersOf,
  type BundledSpec,
  type SpecOperation,
} from "../../src/cli/spec-examples.js";
import { vendorNamed } from "../../src/testing/msw/vendors.js";
import { helperLines, paginateLines } from "./sample-helpers.js";

export interface SampleContext {
  vendor: string;
  serverUrl: string;
  envVar: string;
  clientFactory: string;
  spec: BundledSpec;
  /** The query parameter that sets a list's page size: a GET that takes it gets a paginate sample. */
  pageSizeParam: string;
}

/** What the samples of one vendor need: its client factory, key variable, URL and list parameter. */
export function sampleContext(vendor: string, spec: BundledSpec): SampleContext {
  const { pagination, apiKey } = vendorNamed(vendor);
  return {
    vendor,
    serverUrl: spec.servers[0]!.url,
    envVar: apiKey.envVar,
    clientFactory: `create${vendor.charAt(0).toUpperCase()}${vendor.slice(1)}Client`,
    spec,
    pageSizeParam: pagination.kind === "page" ? pagination.sizeParam : pagination.limitParam,
  };
}

type JsonMedia = { example?: unknown; examples?: Record<string, { value?: unknown }> };

/** The request body the spec documents: its `example`, else its first named example. */
function bodyExample(op: SpecOperation): unknown {
  const media = op.requestBody?.content?.["application/json"] as JsonMedia | undefined;
  if (!media) return undefined;
  return media.example ?? Object.values(media.examples ?? {})[0]?.value ?? (op.requestBody?.required ? {} : undefined);
}

function authHeader(op: SpecOperation, ctx: SampleContext): string {
  return authHeaderFor(ctx.spec, op, `$${ctx.envVar}`).join(": ");
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function codeSamples(method: string, path: string, op: SpecOperation, ctx: SampleContext) {
  const params = parametersOf(ctx.spec, op).filter((p) => p.required && p.in !== "header");
  const pathParams = params.filter((p) => p.in === "path");
  const query = params.filter((p) => p.in === "query");
  const target = exampleTarget(ctx.spec, path, op);
  const concretePath = target.path;
  const search = new URLSearchParams(target.query).toString();
  const body = bodyExample(op);
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
  if (pathParams.length) paramLines.push(`path: ${JSON.stringify(Object.fromEntries(pathParams.map((p) => [p.name, exampleValue(p)])))}`);
  if (query.length) paramLines.push(`query: ${JSON.stringify(Object.fromEntries(query.map((p) => [p.name, exampleValue(p)])))}`);
  if (paramLines.length) init.push(`  params: { ${paramLines.join(", ")} },`);
  if (body !== undefined) init.push(`  body: ${JSON.stringify(body, null, 2).replace(/\n/g, "\n  ")},`);
  if (binary) init.push(`  parseAs: "arrayBuffer",`);
  const call = `client.${method.toUpperCase()}("${path}"${init.length ? `, {\n${init.join("\n")}\n}` : ""})`;
  const key = `${method.toUpperCase()} ${path}`;
  const args = Object.fromEntries(params.map((p) => [p.name, exampleValue(p)]));
  const lists = method === "get" && parametersOf(ctx.spec, op).some((p) => p.in === "query" && p.name === ctx.pageSizeParam);
  const typescript = [
    `import { unwrap } from "ai-vendor-contracts";`,
    `import { ${ctx.clientFactory} } from "ai-vendor-contracts/${ctx.vendor}";`,
    ``,
    `const client = ${ctx.clientFactory}(); // reads ${ctx.envVar}`,
    `const ${binary ? "bytes" : "body"} = unwrap(await ${call});`,
    `console.log(${binary ? "bytes" : "body"});`,
    ...(lists ? paginateLines(path, paramLines.length ? `{ params: { ${paramLines.join(", ")} } }` : "") : []),
    ...helperLines(ctx.vendor, key, args),
  ].join("\n");

  return [
    { lang: "Shell", label: "curl", source: curl },
    { lang: "TypeScript", label: "TypeScript", source: typescript },
  ];
}

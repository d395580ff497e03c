// Step 6: precompiled.js (+ .d.ts), the client's fast path for "strict" and "warn": plain
// JavaScript checks that answer "conforms or not" without loading zod, compiled here, at build
// time, so nothing at run time needs eval or new Function. zod stays the validator of record: the
// checks are compiled from the zod schemas themselves (zod's own JSON Schema export, io "input",
// so defaults, nullish and z.int()'s safe-integer bounds come through as zod applies them) by Ajv's
// standalone code generator, and when a value fails here the client loads zod and reports zod's
// issues (src/core/load-validators.ts). Where zod would pass it, the call passes. A value this
// fast path accepts must be one zod accepts: test/property/ holds the parity test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Ajv, _ } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
// A CommonJS module whose default export is the function itself.
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;
import { transform } from "esbuild";
import * as z from "zod";
import type { OpenApiDocument } from "./bundle.js";
import { operationEntries, schemaBaseName } from "./operations.js";
import { GENERATED_HEADER, repoRoot } from "./vendors.js";
import { FORMAT_CHECKS } from "./zod.js";
import * as formatChecks from "../src/core/formats.js";

type JsonSchema = { [keyword: string]: unknown };
type Factories = Record<string, () => z.ZodType>;

/**
 * Imports the rendered zod-factories.ts as a live module. It is written under node_modules/.cache
 * (so `zod` resolves to this repository's copy) with its relative imports made absolute: in
 * `generate --check` nothing under generated/ is written.
 */
async function loadFactories(vendor: string, source: string): Promise<Factories> {
  // A directory of its own per call: vendors render in parallel, and two generates may run at once.
  const cache = `${repoRoot}/node_modules/.cache`;
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(`${cache}/ai-vendor-contracts-generate-${vendor}-`);
  const file = `${dir}/zod-factories.ts`;
  writeFileSync(file, source.replaceAll('"../../src/', `"${repoRoot}/src/`));
  try {
    return (await import(file)) as Factories;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * zod's `z.stringFormat(name, regex)` exports the regex as `pattern` without its flags (our uuid
 * check is case-insensitive); the format check, compiled from the same src/core/formats.ts, is
 * the whole test, so the flagless copy goes.
 */
function dropFormatPatterns(node: unknown): void {
  if (!node || typeof node !== "object") return;
  const schema = node as JsonSchema;
  if (typeof schema.format === "string" && schema.format in FORMAT_CHECKS) delete schema.pattern;
  for (const child of Object.values(schema)) dropFormatPatterns(child);
}

export async function renderPrecompiled(doc: OpenApiDocument, zodFactoriesSource: string, vendor: string): Promise<Record<string, string>> {
  const factories = await loadFactories(vendor, zodFactoriesSource);
  // Every factory's schema under its name, so shared components compile to one function each.
  const registry = z.registry<{ id: string }>();
  for (const [name, build] of Object.entries(factories)) {
    if (!name.startsWith("z")) continue;
    const schema = build();
    if (!registry.has(schema)) registry.add(schema, { id: name });
  }
  // zod throws on anything JSON Schema cannot express: such a schema fails the build, never passes silently.
  const exported = z.toJSONSchema(registry, { io: "input", target: "draft-7", uri: (id) => id }) as { schemas: Record<string, JsonSchema> };
  const formats = Object.fromEntries(Object.entries(FORMAT_CHECKS).map(([name, check]) => [name, formatChecks[check as keyof typeof formatChecks]]));
  const ajv = new Ajv({
    code: { source: true, esm: true, formats: _`formats`, optimize: true },
    // zod counts string lengths in UTF-16 units and applies patterns without the `u` flag.
    unicodeRegExp: false,
    strict: true,
    formats: formats as never,
    messages: false,
    inlineRefs: false,
    logger: false,
  });
  // Deprecated in Ajv 8 but honoured: `.length`, as zod measures, instead of code points.
  (ajv.opts as { unicode?: boolean }).unicode = false;
  for (const [id, schema] of Object.entries(exported.schemas)) {
    delete schema.$schema;
    dropFormatPatterns(schema);
    ajv.addSchema({ ...schema, $id: id });
  }
  const idOf = (name: string) => (factories[name] ? registry.get(factories[name]())!.id : undefined);
  const rows: string[] = [];
  const used: Record<string, string> = {};
  const part = (name: string) => {
    const id = idOf(name);
    if (!id) return "undefined";
    used[id] = id;
    return id;
  };
  for (const e of operationEntries(doc)) {
    const base = schemaBaseName(e.operationId);
    const response = e.responseKind === "json" ? part(`z${base}Response`) : "undefined";
    rows.push(`  ${JSON.stringify(e.key)}: { path: ${part(`z${base}Path`)}, query: ${part(`z${base}Query`)}, body: ${part(`z${base}Body`)}, response: ${response} },`);
  }
  const standalone = standaloneCode(ajv, used).replace(/^"use strict";/, "");
  const formatted = (await transform(standalone, { format: "esm", target: "es2022", legalComments: "none", minifyWhitespace: true, minifySyntax: true })).code;
  const js = [
    `// ${GENERATED_HEADER}`,
    "// Precompiled checks of each operation's request parts and JSON response, built from the zod",
    "// schemas (zod-factories.ts) by Ajv's standalone code generator: the fast path of validation.",
    "// A value they refuse is checked again by zod, whose issues are reported. See scripts/precompiled.ts.",
    'import * as checks from "../../src/core/formats.js";',
    `const formats = { ${Object.entries(FORMAT_CHECKS).map(([name, check]) => `${JSON.stringify(name)}: checks.${check}`).join(", ")} };`,
    formatted.trimEnd(),
    "",
    `export const precompiledTable = {\n${rows.join("\n")}\n};`,
    "",
  ].join("\n");
  const dts = [
    `// ${GENERATED_HEADER}`,
    'import type { PrecompiledTable } from "../../src/core/operation.js";',
    "",
    "export declare const precompiledTable: PrecompiledTable;",
    "",
  ].join("\n");
  return { "precompiled.js": js, "precompiled.d.ts": dts };
}

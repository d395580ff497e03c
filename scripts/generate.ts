// `npm run generate` writes generated/<vendor>/; `npm run generate:check` (--check) renders the
// same files in memory and fails, listing them, when the committed copies differ.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { bundleSpec, renderBundle } from "./bundle.js";
import { renderOperations } from "./operations.js";
import { renderPrecompiled } from "./precompiled.js";
import { renderTypes } from "./types.js";
import { renderValidators } from "./validators.js";
import { listVendors, repoRoot } from "./vendors.js";
import { renderZod } from "./zod.js";
import { renderZodEntry, renderZodFactories, zodDeclarations } from "./zod-factories.js";

export async function renderVendor(vendor: string): Promise<Record<string, string>> {
  const doc = await bundleSpec(vendor);
  const schemas = zodDeclarations(await renderZod(doc));
  const zodFactories = renderZodFactories(schemas);
  return {
    "openapi.json": renderBundle(doc),
    "schema.d.ts": await renderTypes(doc),
    "zod-factories.ts": zodFactories,
    "zod.ts": renderZodEntry(schemas),
    "operations.ts": renderOperations(doc),
    "validators.ts": renderValidators(doc, schemas.map((s) => s.name)),
    ...(await renderPrecompiled(doc, zodFactories, vendor)),
  };
}

async function main() {
  const check = process.argv.includes("--check");
  const all = listVendors().map((v) => v.name);
  // `npm run generate -- aiclicks` regenerates one vendor while others are being written.
  const picked = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const unknown = picked.filter((v) => !all.includes(v));
  if (unknown.length) throw new Error(`unknown vendor ${unknown.join(", ")}; known: ${all.join(", ")}`);
  const vendors = picked.length ? picked : all;
  const rendered = await Promise.all(vendors.map(async (v) => [v, await renderVendor(v)] as const));
  const problems: string[] = [];
  for (const [vendor, files] of rendered) {
    const dir = `${repoRoot}/generated/${vendor}`;
    if (!check) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    }
    for (const [name, content] of Object.entries(files)) {
      const file = `${dir}/${name}`;
      if (!check) writeFileSync(file, content);
      else if (!existsSync(file)) problems.push(`missing: generated/${vendor}/${name}`);
      else if (readFileSync(file, "utf8") !== content) problems.push(`stale:   generated/${vendor}/${name}`);
    }
    if (check && existsSync(dir)) {
      for (const name of readdirSync(dir)) if (!(name in files)) problems.push(`extra:   generated/${vendor}/${name}`);
    }
  }
  if (check && !picked.length && existsSync(`${repoRoot}/generated`)) {
    for (const name of readdirSync(`${repoRoot}/generated`)) {
      if (!all.includes(name)) problems.push(`extra:   generated/${name} (no such vendor in redocly.yaml)`);
    }
  }
  if (problems.length) {
    console.error(`generated/ is stale — run \`npm run generate\` and commit the result:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(check ? `generated/ is up to date (${vendors.join(", ")})` : `generated ${vendors.join(", ")}`);
}

await main();

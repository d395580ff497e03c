// Minified + gzipped size of each vendor entry point as a consumer's bundler sees it: esbuild
// bundles `export * from "ai-vendor-contracts/<vendor>"` (resolved through the exports map to
// dist/), ESM, minified, for the browser; gzip level 9; kB = 1000 bytes. Baseline, same run:
// openapi-fetch alone. "Without validation" replaces the vendor's generated zod module
// (generated/<vendor>/zod.js) with an empty stub through an esbuild plugin, which drops zod: the
// package itself has no validation-free build yet. Reported, never asserted.
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { listVendors, repoRoot } from "../scripts/vendors.js";
import { ensureFreshDist, type BenchResult } from "./measure.js";

export const VENDOR_ENTRY_TARGET_KB = 12;

/** Resolves every import of a generated zod module (generated/<vendor>/zod.js) to `export {}`. */
const stubGeneratedZod: Plugin = {
  name: "stub-generated-zod",
  setup(b) {
    b.onResolve({ filter: /(^|\/)zod\.js$/ }, (args) =>
      /\/generated\/[^/]+$/.test(args.resolveDir) || args.path.includes("/generated/") ? { path: args.path, namespace: "zod-stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-stub" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/** Gzipped bytes of the minified bundle of `source` (an ES module importing the package). */
async function gzipSize(source: string, plugins: Plugin[] = []): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: repoRoot, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    // The stub leaves the operation table's schema references undefined; esbuild warns about each.
    logLevel: "error",
    plugins,
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

export async function bundleSize(): Promise<BenchResult[]> {
  await ensureFreshDist();
  const kB = (bytes: number) => bytes / 1000;
  const results: BenchResult[] = [
    { name: "baseline: openapi-fetch alone", value: kB(await gzipSize(`export { default } from "openapi-fetch";`)), unit: "kB" },
    { name: 'root entry "ai-vendor-contracts"', value: kB(await gzipSize(`export * from "ai-vendor-contracts";`)), unit: "kB" },
  ];
  for (const { name: vendor } of listVendors()) {
    const entry = `export * from "ai-vendor-contracts/${vendor}";`;
    const without = await gzipSize(entry, [stubGeneratedZod]);
    const withValidation = await gzipSize(entry);
    results.push(
      { name: `${vendor}: without validation (zod stubbed)`, value: kB(without), unit: "kB", target: VENDOR_ENTRY_TARGET_KB },
      { name: `${vendor}: with validation (×: vs without)`, value: kB(withValidation), unit: "kB", ratio: withValidation / without },
    );
  }
  return results;
}

// Minified + gzipped size of each vendor entry point as a consumer's bundler sees it: esbuild
// bundles `export * from "ai-vendor-contracts/<vendor>"` (resolved through the exports map to
// dist/), ESM with code splitting, minified, for the browser; each output file gzipped (level 9)
// on its own, as it would be served; kB = 1000 bytes. The client imports its zod schemas with
// `import()` on the first validated call, so they land in a lazy chunk: "without validation" is
// what loads with the entry (the entry and the chunks it imports statically) and all that an app
// with `validate: "off"` ever loads; "with validation" adds the lazy chunks. Baseline, same run:
// openapi-fetch alone. Reported, never asserted.
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { listVendors, repoRoot } from "../scripts/vendors.js";
import { ensureFreshDist } from "../scripts/dist.js";
import type { BenchResult } from "./measure.js";

export const VENDOR_ENTRY_TARGET_KB = 12;

interface Sizes {
  /** Gzipped bytes loaded with the entry. */
  eager: number;
  /** Gzipped bytes of every output, lazy chunks included. */
  total: number;
}

/** Follows static imports from the entry output through the metafile. */
function eagerOutputs(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]!.imports) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(entry);
  return seen;
}

async function sizes(source: string): Promise<Sizes> {
  const result = await build({
    stdin: { contents: source, resolveDir: repoRoot, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    splitting: true,
    outdir: "out",
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  // The target of an import() is an entry point of the metafile too: the entry is the one given as stdin.
  const entry = Object.keys(result.metafile.outputs).find((file) => result.metafile.outputs[file]!.entryPoint === "entry.js")!;
  const eager = eagerOutputs(result.metafile, entry);
  let sum = { eager: 0, total: 0 };
  for (const file of result.outputFiles) {
    const relative = file.path.slice(file.path.lastIndexOf("/out/") + 1);
    const gzipped = gzipSync(file.contents, { level: 9 }).length;
    sum = { eager: sum.eager + (eager.has(relative) ? gzipped : 0), total: sum.total + gzipped };
  }
  return sum;
}

export async function bundleSize(): Promise<BenchResult[]> {
  await ensureFreshDist();
  const kB = (bytes: number) => bytes / 1000;
  const results: BenchResult[] = [
    { name: "baseline: openapi-fetch alone", value: kB((await sizes(`export { default } from "openapi-fetch";`)).total), unit: "kB" },
    { name: 'root entry "ai-vendor-contracts"', value: kB((await sizes(`export * from "ai-vendor-contracts";`)).total), unit: "kB" },
  ];
  for (const { name: vendor } of listVendors()) {
    const { eager, total } = await sizes(`export * from "ai-vendor-contracts/${vendor}";`);
    results.push(
      { name: `${vendor}: without validation (eager chunks)`, value: kB(eager), unit: "kB", target: VENDOR_ENTRY_TARGET_KB },
      { name: `${vendor}: with validation (+ lazy zod chunk)`, value: kB(total), unit: "kB", ratio: total / eager },
    );
  }
  return results;
}

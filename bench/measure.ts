// Shared shapes and helpers for the benchmarks.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { bin, run } from "../scripts/run.js";
import { repoRoot } from "../scripts/vendors.js";
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Against the baseline measured in the same run. */
  ratio?: number;
  /** The ratio (or value, when there is no ratio) we aim to stay under. */
  target?: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function report(title: string, results: BenchResult[]) {
  console.log(`\n${title}`);
  for (const r of results) {
    const ratio = r.ratio === undefined ? "" : `  ×${r.ratio.toFixed(2)}`;
    const measured = r.ratio ?? r.value;
    const verdict = r.target === undefined ? "" : measured <= r.target ? `  (target ≤ ${r.target}: met)` : `  (target ≤ ${r.target}: MISSED)`;
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(3);
    console.log(`  ${r.name.padEnd(48)} ${value.padStart(10)} ${r.unit}${ratio}${verdict}`);
  }
}

/**
 * Compiles dist/ (as `npm run compile` does) when it is missing or older than a file in src/ or
 * generated/: the package benchmarks measure what a consumer of the package would get.
 */
export async function ensureFreshDist(): Promise<void> {
  const built = `${repoRoot}/dist/src/index.js`;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(`${repoRoot}/src`), newest(`${repoRoot}/generated`))) return;
  console.log("dist/ is missing or older than src/ or generated/: compiling it first");
  await run(bin("tsx"), ["scripts/compile.ts"]);
}

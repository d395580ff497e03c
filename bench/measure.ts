// Shared shapes and helpers for the benchmarks.
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


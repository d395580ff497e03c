// Stainless-style type check: the last release's README blocks and docs samples, compiled against
// the current sources as a consumer would. Each that no longer compiles is a breaking change.
import { compileAsConsumer } from "../../test/readme/compile.js";
import type { Baseline } from "./baseline.js";
import type { ExtraBreaking } from "./changelog.js";
import type { StoredSample } from "../docs/vendor-samples.js";
import type { StoredBlock } from "./baseline.js";

export const readmeLabel = (version: string, b: StoredBlock) => `README.md of ${version}, block at line ${b.line}`;
export const sampleLabel = (version: string, s: StoredSample) => `docs sample for ${s.operation} (${version})`;

export interface SnippetFailure extends ExtraBreaking {
  /** Which snippet: `README.md of 0.1.0, block at line 60`. */
  label: string;
}

export function previousSnippetFailures(baseline: Pick<Baseline, "version" | "readmeBlocks" | "samples">): SnippetFailure[] {
  const blocks = [
    ...baseline.readmeBlocks.map((b) => ({ ...b, vendor: "README", label: readmeLabel(baseline.version, b) })),
    ...baseline.samples.map((s) => ({ line: 1, code: s.code, vendor: s.vendor, label: sampleLabel(baseline.version, s) })),
  ];
  const { results, cleanUp } = compileAsConsumer(blocks, "snippet");
  try {
    return blocks.flatMap((block) => {
      const errors = results.get(block) ?? [];
      if (!errors.length) return [];
      const first = errors[0]!.replace(/^snippet:\d+: /, "").split("\n")[0];
      return [{ vendor: block.vendor, label: block.label, text: `${block.label} no longer compiles: ${first}` }];
    });
  } finally {
    cleanUp();
  }
}

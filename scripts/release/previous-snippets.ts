// Stainless-style type check: the last release's README blocks and docs samples, compiled against
// the current sources as a consumer would. Each that no longer compiles is a breaking change.
import { compileAsConsumer } from "../../test/readme/compile.js";
import type { Baseline } from "./baseline.js";
import type { ExtraBreaking } from "./changelog.js";

export function previousSnippetFailures(root: string, baseline: Pick<Baseline, "version" | "readmeBlocks" | "samples">): ExtraBreaking[] {
  const blocks = [
    ...baseline.readmeBlocks.map((b) => ({ ...b, vendor: "README", label: `README.md of ${baseline.version}, block at line ${b.line}` })),
    ...baseline.samples.map((s) => ({ line: 1, code: s.code, vendor: s.vendor, label: `docs sample for ${s.operation} (${baseline.version})` })),
  ];
  const { results, cleanUp } = compileAsConsumer(root, blocks, "snippet");
  try {
    return blocks.flatMap((block) => {
      const errors = results.get(block) ?? [];
      if (!errors.length) return [];
      const first = errors[0]!.replace(/^snippet:\d+: /, "").split("\n")[0];
      return [{ vendor: block.vendor, text: `${block.label} no longer compiles: ${first}` }];
    });
  } finally {
    cleanUp();
  }
}

// Stainless-style: the last release's README blocks and docs samples (release/baseline/) compile
// against the current sources, or each failure is a breaking change the release guard demands a
// version and changelog entry for. A deliberately broken block shows the check catches one.
import { beforeAll, describe, expect, it } from "vitest";
import { readBaseline } from "../../scripts/release/baseline.js";
import type { ExtraBreaking } from "../../scripts/release/changelog.js";
import { checkRelease } from "../../scripts/release/guard.js";
import { previousSnippetFailures } from "../../scripts/release/previous-snippets.js";
import { repoRoot } from "../../scripts/vendors.js";

const baseline = readBaseline(repoRoot);
// Compiled in the same program as the stored ones (one compile): a block using an export that
// does not exist, and a sample written for an operation the client does not have.
const broken = {
  readme: { line: 7, code: `import { createAiclicksClient, retiredHelper } from "ai-vendor-contracts/aiclicks";\nconsole.log(createAiclicksClient, retiredHelper);` },
  sample: { vendor: "aiptx", operation: "GET /retired", code: `import { createAiptxClient } from "ai-vendor-contracts/aiptx";\nawait createAiptxClient().GET("/retired");` },
};
let failures: ExtraBreaking[];

beforeAll(() => {
  failures = previousSnippetFailures({
    version: baseline.version,
    readmeBlocks: [...baseline.readmeBlocks, broken.readme],
    samples: [...baseline.samples, broken.sample],
  });
}, 240_000);

describe(`the previous release (${baseline.version}) still compiles`, () => {
  it("stores README blocks and a docs sample for every operation of every vendor", () => {
    expect(baseline.readmeBlocks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(baseline.samples.map((s) => s.vendor))).toEqual(new Set(Object.keys(baseline.specs)));
    // A sample that did not compile in its own release is listed, not held to.
    for (const text of baseline.brokenAtRelease) expect(text).toMatch(/no longer compiles/);
  });

  it("lists a stored block or sample that no longer compiles as a breaking change, naming it", () => {
    expect(failures).toContainEqual(expect.objectContaining({ vendor: "README", text: expect.stringMatching(/^README.md of \S+, block at line 7 no longer compiles: .*retiredHelper/) }));
    expect(failures).toContainEqual(expect.objectContaining({ vendor: "aiptx", text: expect.stringContaining(`docs sample for GET /retired (${baseline.version}) no longer compiles: `) }));
  });

  it("every README block and docs sample of the last release compiles, or the release says it breaks them", () => {
    const stored = failures.filter((f) => !f.text.includes("line 7 ") && !f.text.includes("GET /retired"));
    expect(checkRelease(repoRoot, stored).problems).toEqual([]);
  });
});

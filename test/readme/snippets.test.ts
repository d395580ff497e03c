// Every TypeScript block in README.md compiles as written against the package (resolved through
// its exports map onto src/), as a module of its own with top-level await, in strict mode.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileAsConsumer } from "./compile.js";
import { tsBlocks, type Snippet } from "./snippets.js";

const root = resolve(import.meta.dirname, "../..");
const snippets = tsBlocks(readFileSync(join(root, "README.md"), "utf8"));

// Compiled beside the README's blocks to show the harness resolves as the exports map says.
const probes = {
  entries: {
    line: 1,
    code: [
      `import { zDomain } from "ai-vendor-contracts/aiclicks/schemas";`,
      `import spec from "ai-vendor-contracts/specs/aiclicks.json" with { type: "json" };`,
      `import { startMock } from "ai-vendor-contracts/testing";`,
      `import { unwrap } from "ai-vendor-contracts";`,
      `console.log(zDomain, spec.openapi, startMock, unwrap);`,
    ].join("\n"),
  },
  blocked: { line: 1, code: `import * as cli from "ai-vendor-contracts/cli";\nconsole.log(cli);` },
  wrong: { line: 10, code: `import { unwrap } from "ai-vendor-contracts";\nconst n: number = unwrap;` },
} satisfies Record<string, Snippet>;

describe("README TypeScript snippets", () => {
  let results: Map<Snippet, string[]>;
  let cleanUp = () => {};

  beforeAll(() => {
    ({ results, cleanUp } = compileAsConsumer(root, [...snippets, ...Object.values(probes)]));
  }, 180_000);

  afterAll(() => cleanUp());

  it("finds the README's snippets, and resolves the package as its exports map does", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(3);
    expect(results.get(probes.entries)).toEqual([]);
    expect(results.get(probes.blocked)).toEqual([expect.stringMatching(/^README.md:1: Cannot find module 'ai-vendor-contracts\/cli'/)]);
    expect(results.get(probes.wrong)).toEqual([expect.stringMatching(/^README.md:11: Type .* is not assignable to type 'number'/)]);
  });

  it.each(snippets.map((s) => [s.line, s] as const))("the block at README.md:%i compiles", (_line, snippet) => {
    expect(results.get(snippet)).toEqual([]);
  });
});

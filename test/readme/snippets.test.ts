// Every TypeScript block in README.md compiles as written against the package (resolved through
// its exports map onto src/), as a module of its own with top-level await, in strict mode.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathsFromExports, tsBlocks, type Snippet } from "./snippets.js";

const root = resolve(import.meta.dirname, "../..");
const snippets = tsBlocks(readFileSync(join(root, "README.md"), "utf8"));

/** Compiles every snippet in one program; returns each one's diagnostics as README-located lines. */
function compile(dir: string, blocks: Snippet[]): Map<Snippet, string[]> {
  const files = blocks.map((block, i) => {
    const file = join(dir, `block-${i}-readme-line-${block.line}.ts`);
    // A block without import or export would be a script; the reader's file is a module.
    const moduleCode = /^\s*(import|export)\s/m.test(block.code) ? block.code : `${block.code}\nexport {};`;
    writeFileSync(file, moduleCode);
    return file;
  });
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    types: ["node"],
    noEmit: true,
    paths: pathsFromExports(root),
  };
  const program = ts.createProgram(files, options);
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length) throw new Error(ts.formatDiagnostics(global, ts.createCompilerHost(options)));
  const byBlock = new Map<Snippet, string[]>();
  blocks.forEach((block, i) => {
    const source = program.getSourceFile(files[i]!)!;
    byBlock.set(
      block,
      ts.getPreEmitDiagnostics(program, source).map((d) => {
        const at = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
        return `README.md:${block.line + at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    );
  });
  return byBlock;
}

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
  let dir: string;
  let results: Map<Snippet, string[]>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "readme-snippets-"));
    // ESM like a consumer's app, and the repo's node_modules for what snippets import beside us.
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    mkdirSync(join(dir, "src"));
    results = compile(join(dir, "src"), [...snippets, ...Object.values(probes)]);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

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

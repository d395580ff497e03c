// Compiles TypeScript a reader copies (README blocks, the docs' samples) as a consumer's app
// would: ESM modules with top-level await, strict, NodeNext, the package resolved through its
// exports map onto src/. Shared by test/readme/, test/docs/ and the release check that recompiles
// the previous release's README blocks and docs samples (scripts/release/previous-snippets.ts).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { pathsFromExports, type Snippet } from "./snippets.js";

export const repoRoot = resolve(import.meta.dirname, "../..");

/** A consumer-like folder (`type: module`, the repo's node_modules) to compile in; `remove()` when done. */
export function snippetWorkspace(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "src"));
  return { dir: join(dir, "src"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Compiles every snippet in one program; returns each one's diagnostics, located by `where`
 * (the snippet and the 0-based line in it), e.g. `README.md:42: …`.
 */
export function compileSnippets(dir: string, blocks: Snippet[], where: (block: Snippet, line: number) => string): Map<Snippet, string[]> {
  const files = blocks.map((block, i) => {
    const file = join(dir, `block-${i}-line-${block.line}.ts`);
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
    paths: pathsFromExports(repoRoot),
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
        return `${where(block, at)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    );
  });
  return byBlock;
}

/** The snippet with each `ai-vendor-contracts…` import pointed at the source file its exports entry names. */
export function runnableSource(code: string): string {
  const paths = pathsFromExports(repoRoot);
  return code.replace(/from "(ai-vendor-contracts[^"]*)"/g, (_all, specifier: string) => {
    for (const [pattern, [target]] of Object.entries(paths)) {
      const [head, tail = ""] = pattern.split("*");
      if (!pattern.includes("*") ? specifier === pattern : specifier.startsWith(head!) && specifier.endsWith(tail)) {
        const star = specifier.slice(head!.length, specifier.length - tail.length);
        return `from ${JSON.stringify(target!.replace("*", star))}`;
      }
    }
    throw new Error(`no exports entry for ${specifier}`);
  });
}

/**
 * Compiles `blocks` in a scratch consumer workspace and returns each block's diagnostics as
 * `<origin>:<line>: message`; `cleanUp` removes the workspace.
 */
export function compileAsConsumer(blocks: Snippet[], origin = "README.md"): { results: Map<Snippet, string[]>; cleanUp: () => void } {
  const workspace = snippetWorkspace("snippets-");
  try {
    return { results: compileSnippets(workspace.dir, blocks, (block, at) => `${origin}:${block.line + at}`), cleanUp: workspace.remove };
  } catch (error) {
    workspace.remove();
    throw error;
  }
}

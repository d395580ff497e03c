// Compiles TypeScript snippets the way a consumer's project would: each a module of its own with
// top-level await, strict, the package resolved through its exports map onto src/. Shared by the
// README test and the release check that recompiles the previous release's README and samples.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { pathsFromExports, type Snippet } from "./snippets.js";

/** Compiles every snippet in one program; returns each one's diagnostics as README-located lines. */
function compile(root: string, dir: string, blocks: Snippet[], origin: string): Map<Snippet, string[]> {
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
        return `${origin}:${block.line + at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    );
  });
  return byBlock;
}

/**
 * Compiles `blocks` in a scratch consumer project (ESM, the repo's node_modules beside it) and
 * returns each block's diagnostics as `<origin>:<line>: message`; `cleanUp` removes the project.
 */
export function compileAsConsumer(root: string, blocks: Snippet[], origin = "README.md") {
  const dir = mkdtempSync(join(tmpdir(), "snippets-"));
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    mkdirSync(join(dir, "src"));
    return { results: compile(root, join(dir, "src"), blocks, origin), cleanUp };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

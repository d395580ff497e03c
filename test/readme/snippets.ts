// Reads the README's TypeScript blocks and the package's exports map, so the snippet test
// compiles exactly what a reader copies against exactly what `npm i ai-vendor-contracts` offers.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface Snippet {
  /** 1-based line of the block's first code line in README.md. */
  line: number;
  code: string;
}

/** Every ```ts / ```typescript block, in order. */
export function tsBlocks(markdown: string): Snippet[] {
  const blocks: Snippet[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return blocks;
}

type ExportTarget = string | null | { types?: string; import?: string };

/**
 * TypeScript `paths` for the package name, one per entry of package.json `exports`, pointing at
 * the sources the dist files are built from; a blocked subpath (`null`) maps to nothing that exists.
 */
export function pathsFromExports(root: string): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; exports: Record<string, ExportTarget> };
  const entries = Object.entries(pkg.exports).filter(([key]) => key !== "./package.json");
  // Node's order for pattern keys: the longer part before `*` first, then the longer key.
  const prefix = (key: string) => (key.includes("*") ? key.indexOf("*") : key.length);
  entries.sort(([a], [b]) => prefix(b) - prefix(a) || b.length - a.length);
  const paths: Record<string, string[]> = {};
  for (const [key, target] of entries) {
    const specifier = pkg.name + key.slice(1);
    const file = typeof target === "string" || target === null ? target : (target.types ?? target.import ?? null);
    paths[specifier] = [
      file === null
        ? join(root, "blocked-by-exports", key)
        : join(root, file.replace(/^\.\/dist\//, "./").replace(/\.d\.ts$|\.js$/, ".ts")),
    ];
  }
  return paths;
}

// A consumer's type check pays for every declaration file its imports reach (all of them when
// skipLibCheck is off): a vendor entry's static imports, type-only ones included, must never
// reach zod. Its schemas belong to `<vendor>/schemas` and to the lazily imported validators.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { listVendors, repoRoot } from "../../scripts/vendors.js";

/** Bare module names reached through static import and export declarations (not `import()`). */
function packagesReached(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      if (!specifier.text.startsWith(".")) packages.add(specifier.text);
      else {
        // `./x.js` is written as x.ts, or as x.d.ts when it is declarations only (schema.d.ts).
        const written = resolve(dirname(file), specifier.text.replace(/\.js$/, ".ts"));
        visit(existsSync(written) ? written : written.replace(/\.ts$/, ".d.ts"));
      }
    }
  };
  visit(entry);
  return packages;
}

describe("type graph of the entries", () => {
  for (const { name } of listVendors()) {
    it(`${name}: the entry's static imports never reach zod`, () => {
      const reached = packagesReached(`${repoRoot}/src/${name}/index.ts`);
      expect(reached).toContain("openapi-fetch");
      expect([...reached].filter((p) => p === "zod" || p.startsWith("zod/"))).toEqual([]);
    });
  }
});

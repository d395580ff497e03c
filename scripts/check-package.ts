// `npm run check:package`: packs the package as `npm publish` would and checks the tarball with
// publint (strict: warnings and suggestions count too) and @arethetypeswrong/cli on every entry
// point of scripts/entrypoints.ts. attw's profile is esm-only: the package is ES modules that
// CommonJS loads with require(esm) (Node 20.19+, 22.12+), which attw 0.18 does not model (it calls
// them "dynamic import only"); TypeScript accepts it from 5.8 under module node20/nodenext, and the
// support matrix (scripts/matrix.ts) compiles and runs a CommonJS consumer of every entry. And no
// shipped file imports a package a consumer's install lacks (scripts/undeclared-imports.ts).
// Any problem fails the run. Compiles dist/ first when it is stale.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packInto } from "./dist.js";
import { entrypoints } from "./entrypoints.js";
import { bin, run } from "./run.js";
import { shippedFiles, undeclaredImports } from "./undeclared-imports.js";
import { repoRoot } from "./vendors.js";

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "avc-check-package-"));
  try {
    const { tarball, filename, size, unpackedSize, entryCount } = await packInto(dir);
    console.log(`packed ${filename}: ${entryCount} files, ${(size / 1024).toFixed(1)} kB (${(unpackedSize / 1024).toFixed(0)} kB unpacked)`);

    let problems = 0;
    const bytes = readFileSync(tarball);
    const lint = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: "suggestion",
      strict: true,
    });
    for (const message of lint.messages) {
      console.log(`  publint ${message.type}: ${formatMessage(message, lint.pkg, { color: false }) ?? message.code}`);
    }
    problems += lint.messages.length;
    console.log(lint.messages.length === 0 ? "✓ publint: no problems" : `✗ publint: ${lint.messages.length} problem(s)`);

    try {
      const table = await run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "table-flipped", "--no-color", "--no-emoji", "--entrypoints", ...entrypoints]);
      console.log(table.trimEnd());
      console.log(`✓ attw (esm-only): no problems in ${entrypoints.length} entry points`);
    } catch (error) {
      console.log(((error as { output?: string }).output ?? String(error)).trimEnd());
      console.log("✗ attw (esm-only): problems above");
      problems++;
    }

    const shipped = shippedFiles(`${repoRoot}/dist`);
    const undeclared = undeclaredImports(shipped, JSON.parse(readFileSync(`${repoRoot}/package.json`, "utf8")) as { name: string });
    for (const line of undeclared) console.log(`  undeclared import: ${line}`);
    problems += undeclared.length;
    console.log(
      undeclared.length === 0
        ? `✓ imports: ${shipped.length} shipped files import only dependencies, peers and Node builtins`
        : `✗ imports: ${undeclared.length} of a package the install does not bring; add it to dependencies or bundle it`,
    );
    return problems === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exit(await main());

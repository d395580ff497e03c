// `npm run check:package`: packs the package as `npm publish` would and checks the tarball with
// publint (strict: warnings and suggestions count too) and @arethetypeswrong/cli (ESM-only
// profile). attw cannot enumerate the "./*" pattern export, so the entry points are listed: ".",
// one per vendor in redocly.yaml and its "./<vendor>/schemas", "./testing", each vendor's
// "./specs/<vendor>.json" and "./package.json". Any problem fails the run. Builds dist/ first when it is missing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { bin, run } from "./run.js";
import { listVendors, repoRoot } from "./vendors.js";

const vendors = listVendors().map((v) => v.name);
const entrypoints = [
  ".",
  ...vendors.map((v) => `./${v}`),
  ...vendors.map((v) => `./${v}/schemas`),
  "./testing",
  ...vendors.map((v) => `./specs/${v}.json`),
  "./package.json",
];

async function main(): Promise<number> {
  if (!existsSync(`${repoRoot}/dist/src/index.js`)) {
    console.log("dist/ is missing; compiling it first (npx tsx scripts/compile.ts)");
    await run(bin("tsx"), ["scripts/compile.ts"]);
  }
  const dir = mkdtempSync(join(tmpdir(), "avc-check-package-"));
  try {
    // run() merges stderr into the output; npm's warnings there are not JSON, so cut the array out.
    const output = await run("npm", ["pack", "--json", "--silent", "--pack-destination", dir]);
    const packed = JSON.parse(output.slice(output.indexOf("["), output.lastIndexOf("]") + 1)) as [
      { filename: string; size: number; unpackedSize: number; entryCount: number },
    ];
    const { filename, size, unpackedSize, entryCount } = packed[0];
    const tarball = join(dir, filename);
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
    return problems === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exit(await main());

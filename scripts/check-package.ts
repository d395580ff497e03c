// `npm run check:package`: packs the package as `npm publish` would and checks the tarball with
// publint (strict: warnings and suggestions count too) and @arethetypeswrong/cli (ESM-only
// profile). attw cannot enumerate the "./*" pattern export, so the entry points are listed: ".",
// one per vendor in redocly.yaml and its "./<vendor>/schemas", "./testing", "./testing/msw",
// "./redis", each vendor's "./specs/<vendor>.json" and "./package.json". Any problem fails the run. Compiles dist/ first when it is stale.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packInto } from "./dist.js";
import { bin, run } from "./run.js";
import { listVendors } from "./vendors.js";

const vendors = listVendors().map((v) => v.name);
const entrypoints = [
  ".",
  ...vendors.map((v) => `./${v}`),
  ...vendors.map((v) => `./${v}/schemas`),
  "./testing",
  "./testing/msw",
  "./redis",
  ...vendors.map((v) => `./specs/${v}.json`),
  "./package.json",
];

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
    return problems === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exit(await main());

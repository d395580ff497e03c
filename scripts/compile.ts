// Compiles src/ and generated/ to dist/. tsc type-checks and emits JavaScript and declarations
// into a staging directory; the declarations are copied to dist/ as they are (the exports map's
// types), and the JavaScript is bundled by esbuild (bundle-dist.ts: one core module, one file per
// entry, lazy chunks kept lazy, every package left an import).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { bundleDist } from "./bundle-dist.js";
import { bin, run } from "./run.js";
import { listVendors, repoRoot } from "./vendors.js";

const dist = `${repoRoot}/dist`;
// A directory of its own per run (two compiles at once must not share one), by its real path, which
// is how esbuild reports the paths the core barrel is matched against.
const staging = realpathSync(mkdtempSync(join(tmpdir(), "avc-compile-")));
process.on("exit", () => rmSync(staging, { recursive: true, force: true }));
const vendors = listVendors().map((v) => v.name);

/** The package's entries (package.json exports and bin), as paths under src/ and generated/ without extension. */
const ENTRIES = [
  "src/index",
  ...vendors.map((v) => `src/${v}/index`),
  ...vendors.map((v) => `generated/${v}/zod`),
  "src/testing/index",
  "src/testing/msw/index",
  "src/redis/index",
  "src/cli/index",
];

rmSync(dist, { recursive: true, force: true });
await run(bin("tsc"), ["-p", "tsconfig.build.json", "--outDir", staging]);
// Files tsc does not emit: the generated types and precompiled checks, and the bundled specs.
for (const vendor of vendors) {
  for (const file of ["schema.d.ts", "precompiled.d.ts", "precompiled.js", "openapi.json"]) {
    cpSync(`${repoRoot}/generated/${vendor}/${file}`, `${staging}/generated/${vendor}/${file}`);
  }
}
// Declarations (and the specs) keep their place: dist/src/aiclicks/index.d.ts imports ../core/….
for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.d\.ts$|\.json$/.test(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(dist, relative(staging, from));
  mkdirSync(join(to, ".."), { recursive: true });
  cpSync(from, to);
}
await bundleDist({ staging, dist, vendors, entries: ENTRIES });
console.log("compiled to dist/");

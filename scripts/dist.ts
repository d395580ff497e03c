// The package as a consumer gets it, for the checks that need it (check:package, the consumer
// test, the package benchmarks): dist/ compiled when it is missing or older than what it is
// built from, then packed as `npm publish` would.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { bin, run } from "./run.js";
import { repoRoot } from "./vendors.js";

/** Compiles dist/ (as `npm run compile` does) when it is missing or older than a file in src/ or generated/. */
export async function ensureFreshDist(): Promise<void> {
  const built = `${repoRoot}/dist/src/index.js`;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(`${repoRoot}/src`), newest(`${repoRoot}/generated`))) return;
  console.log("dist/ is missing or older than src/ or generated/: compiling it first");
  await run(bin("tsx"), ["scripts/compile.ts"]);
}

export interface Packed {
  /** Absolute path of the tarball. */
  tarball: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}

/** Packs a fresh dist/ into `dir`. */
export async function packInto(dir: string): Promise<Packed> {
  await ensureFreshDist();
  // run() merges stderr into the output; npm's warnings there are not JSON, so cut the array out.
  const output = await run("npm", ["pack", "--json", "--silent", "--pack-destination", dir]);
  const [packed] = JSON.parse(output.slice(output.indexOf("["), output.lastIndexOf("]") + 1)) as Omit<Packed, "tarball">[];
  return { ...packed!, tarball: join(dir, packed!.filename) };
}

// The last release, as committed at release time in release/baseline/: its version, each
// vendor's bundled spec, and the README blocks and docs samples it shipped (for the type check).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StoredSample } from "../docs/vendor-samples.js";

export const BASELINE_DIR = "release/baseline";

export interface StoredBlock {
  line: number;
  code: string;
}

export interface Baseline {
  version: string;
  specs: Record<string, unknown>;
  readmeBlocks: StoredBlock[];
  samples: StoredSample[];
  /** Snippets that did not compile even against their own release: reported then, not held to. */
  brokenAtRelease: string[];
}

export function readBaseline(root: string): Baseline {
  const dir = join(root, BASELINE_DIR);
  if (!existsSync(join(dir, "version"))) {
    throw new Error(`no release baseline in ${dir}: run \`npm run release:prepare -- <version>\` at release time`);
  }
  const json = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));
  const specs: Record<string, unknown> = {};
  for (const file of readdirSync(join(dir, "specs"))) specs[file.replace(/\.json$/, "")] = json(`specs/${file}`);
  return {
    version: readFileSync(join(dir, "version"), "utf8").trim(),
    specs,
    readmeBlocks: json("readme-blocks.json"),
    samples: json("docs-samples.json"),
    brokenAtRelease: json("broken-at-release.json"),
  };
}

/** Replaces the baseline with a release's: spec texts by vendor, as bundled. */
export function writeBaseline(root: string, release: Omit<Baseline, "specs"> & { specs: Record<string, string> }) {
  const dir = join(root, BASELINE_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "specs"), { recursive: true });
  writeFileSync(join(dir, "version"), `${release.version}\n`);
  for (const [vendor, text] of Object.entries(release.specs)) writeFileSync(join(dir, "specs", `${vendor}.json`), text);
  writeFileSync(join(dir, "readme-blocks.json"), `${JSON.stringify(release.readmeBlocks, null, 1)}\n`);
  writeFileSync(join(dir, "docs-samples.json"), `${JSON.stringify(release.samples, null, 1)}\n`);
  writeFileSync(join(dir, "broken-at-release.json"), `${JSON.stringify(release.brokenAtRelease, null, 1)}\n`);
}

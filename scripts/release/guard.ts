// The release guard: the specs in a checkout against the last release's baseline. A breaking
// change needs a version that allows it (major, or minor while 0.x) and a CHANGELOG.md entry for
// that version naming each vendor it breaks. Reads everything from `root`, so tests run it on copies.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diffSpecs, type Change } from "../../src/cli/diff/compare.js";
import { dereference } from "../../src/cli/diff/load-spec.js";
import { readBaseline } from "./baseline.js";
import { readChangelog, type ExtraBreaking } from "./changelog.js";
import { allowsBreaking, isAfter, nextBreaking } from "./versions.js";

const noFiles = () => {
  throw new Error("a bundled spec refers to another file");
};
const deref = (spec: unknown) => dereference(spec, "/bundled.json", noFiles);

export interface ReleaseCheck {
  baselineVersion: string;
  version: string;
  /** vendor → its changes since the baseline. */
  changes: Map<string, Change[]>;
  problems: string[];
}

export function currentSpecs(root: string): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  for (const vendor of readdirSync(join(root, "generated"))) {
    const file = join(root, "generated", vendor, "openapi.json");
    if (existsSync(file)) specs[vendor] = JSON.parse(readFileSync(file, "utf8"));
  }
  return specs;
}

export function changesSinceBaseline(root: string): { baselineVersion: string; changes: Map<string, Change[]> } {
  const baseline = readBaseline(root);
  const now = currentSpecs(root);
  const changes = new Map<string, Change[]>();
  const empty = { openapi: "3.1.0", paths: {} };
  for (const vendor of new Set([...Object.keys(baseline.specs), ...Object.keys(now)])) {
    changes.set(vendor, diffSpecs(deref(baseline.specs[vendor] ?? empty), deref(now[vendor] ?? empty)));
  }
  return { baselineVersion: baseline.version, changes };
}

/** `extra`: breaking changes found elsewhere (previous snippets that no longer compile). */
export function checkRelease(root: string, extra: ExtraBreaking[] = []): ReleaseCheck {
  const { baselineVersion, changes } = changesSinceBaseline(root);
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  const changelogFile = join(root, "CHANGELOG.md");
  const entry = readChangelog(existsSync(changelogFile) ? readFileSync(changelogFile, "utf8") : "").find((e) => e.version === version);
  const problems: string[] = [];
  const breakingVendors = new Set([
    ...[...changes].filter(([, list]) => list.some((c) => c.breaking)).map(([vendor]) => vendor),
    ...extra.map((e) => e.vendor),
  ]);
  if (version !== baselineVersion && !isAfter(baselineVersion, version)) {
    problems.push(`package.json version ${version} is not after the last release ${baselineVersion}`);
  }
  if (breakingVendors.size) {
    const where = [...breakingVendors].join(", ");
    if (!allowsBreaking(baselineVersion, version)) {
      problems.push(
        `breaking changes since ${baselineVersion} (${where}) need version ${nextBreaking(baselineVersion)} or later, ` +
          `package.json says ${version}: run \`npm run release:prepare -- ${nextBreaking(baselineVersion)} --note "…"\``,
      );
    }
    if (!entry) problems.push(`breaking changes since ${baselineVersion} (${where}) need a CHANGELOG.md entry "## [${version}]"`);
    else {
      const missing = [...breakingVendors].filter((v) => !entry.vendors.has(v));
      if (missing.length) problems.push(`CHANGELOG.md's entry for ${version} has no "### <vendor>" section for ${missing.join(", ")}, whose changes break`);
    }
  } else if (version !== baselineVersion && !entry) {
    problems.push(`version ${version} has no CHANGELOG.md entry "## [${version}]"`);
  }
  return { baselineVersion, version, changes, problems };
}

// `npm run release:prepare -- <version> --note "<one line for people>"`: sets the version, drafts
// the CHANGELOG.md entry from the diff since the last release (kept if one exists, for hand edits),
// and records this release as the new baseline. Refuses a version too small for breaking changes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../vendors.js";
import { readBaseline, writeBaseline } from "./baseline.js";
import { draftEntry, draftVendorSection, insertEntry, readChangelog } from "./changelog.js";
import { changesSinceBaseline } from "./guard.js";
import { previousSnippetFailures } from "./previous-snippets.js";
import { releaseInputs } from "./release-inputs.js";
import { allowsBreaking, isAfter, nextBreaking } from "./versions.js";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { note: { type: "string" } } });
const version = positionals[0];
if (!version || !values.note) {
  console.error('usage: npm run release:prepare -- <version> --note "what this release means for users, in a line"');
  process.exit(2);
}
const baseline = readBaseline(repoRoot);
if (!isAfter(baseline.version, version)) throw new Error(`${version} is not after the last release ${baseline.version}`);
const { changes } = changesSinceBaseline(repoRoot);
const failures = previousSnippetFailures(baseline);
const breaking = failures.length > 0 || [...changes.values()].some((list) => list.some((c) => c.breaking));
if (breaking && !allowsBreaking(baseline.version, version)) {
  throw new Error(`there are breaking changes since ${baseline.version}: the version must be ${nextBreaking(baseline.version)} or later`);
}

const changelogFile = join(repoRoot, "CHANGELOG.md");
const changelog = readFileSync(changelogFile, "utf8");
if (!readChangelog(changelog).some((e) => e.version === version)) {
  const sections = new Map<string, string>();
  for (const [vendor, list] of changes) sections.set(vendor, draftVendorSection(list, failures.filter((f) => f.vendor === vendor)));
  const readme = failures.filter((f) => !changes.has(f.vendor));
  if (readme.length) sections.set("README", draftVendorSection([], readme));
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(changelogFile, insertEntry(changelog, draftEntry(version, date, values.note, sections)));
}
for (const file of ["package.json", "package-lock.json"]) {
  const json = JSON.parse(readFileSync(join(repoRoot, file), "utf8"));
  json.version = version;
  if (json.packages?.[""]) json.packages[""].version = version;
  writeFileSync(join(repoRoot, file), `${JSON.stringify(json, null, 2)}\n`);
}
// The User-Agent's version is a constant in the source (no package.json read at run time).
const versionFile = join(repoRoot, "src/core/package-version.ts");
writeFileSync(versionFile, readFileSync(versionFile, "utf8").replace(/PACKAGE_VERSION = "[^"]*"/, `PACKAGE_VERSION = "${version}"`));
const release = releaseInputs(repoRoot, version);
writeBaseline(repoRoot, release);
for (const text of release.brokenAtRelease) console.warn(`does not compile in this release either (not stored, fix it): ${text}`);
console.log(`${version}: CHANGELOG.md entry, package.json version and release/baseline/ written; review CHANGELOG.md, then commit.`);

// The release guard on temporary copies of the repository's release inputs: it fails on a seeded
// breaking change unless the version allows it and CHANGELOG.md has the entry, passes on an
// additive one; and on the real repository it passes (the CI guard of `npm test`).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkRelease } from "../../scripts/release/guard.js";
import { allowsBreaking, nextBreaking } from "../../scripts/release/versions.js";
import { repoRoot } from "../../scripts/vendors.js";

// The versions the cases speak of, from the baseline: the guard outlives any one release.
const BASE = readFileSync(join(repoRoot, "release/baseline/version"), "utf8").trim();
const NEXT = nextBreaking(BASE);
const PATCH = BASE.replace(/\d+$/, (n) => String(Number(n) + 1));

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of what the guard reads: the baseline, the bundled specs, package.json and CHANGELOG.md. */
function copyOfRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "release-guard-"));
  dirs.push(dir);
  cpSync(join(repoRoot, "release"), join(dir, "release"), { recursive: true });
  for (const vendor of ["aiclicks", "ailabsaudit", "aiptx", "ayliea"]) {
    mkdirSync(join(dir, "generated", vendor), { recursive: true });
    cpSync(join(repoRoot, "release/baseline/specs", `${vendor}.json`), join(dir, "generated", vendor, "openapi.json"));
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ version: readFileSync(join(dir, "release/baseline/version"), "utf8").trim() }));
  cpSync(join(repoRoot, "CHANGELOG.md"), join(dir, "CHANGELOG.md"));
  return dir;
}

function editSpec(dir: string, vendor: string, edit: (spec: any) => void) {
  const file = join(dir, "generated", vendor, "openapi.json");
  const spec = JSON.parse(readFileSync(file, "utf8"));
  edit(spec);
  writeFileSync(file, JSON.stringify(spec));
}
const setVersion = (dir: string, version: string) => writeFileSync(join(dir, "package.json"), JSON.stringify({ version }));
const addEntry = (dir: string, version: string, vendors: string[]) => {
  const file = join(dir, "CHANGELOG.md");
  const text = readFileSync(file, "utf8").replace(`## [${BASE}]`, `## [${version}] - 2027-01-01\n\nStricter specs.\n\n${vendors.map((v) => `### ${v}\n\n- changed\n\n`).join("")}## [${BASE}]`);
  writeFileSync(file, text);
};
// Seeded breaking change: AIPTx scans lose their `target` field (a response field removed).
const removeTarget = (spec: any) => delete spec.components.schemas.Scan.properties.target;
// Additive: an optional response field.
const addTeam = (spec: any) => (spec.components.schemas.Scan.properties.team = { type: "string" });

describe("release guard", () => {
  it("passes on the specs of the last release", () => {
    expect(checkRelease(copyOfRepo()).problems).toEqual([]);
  });

  it("passes on an additive change without a new version", () => {
    const dir = copyOfRepo();
    editSpec(dir, "aiptx", addTeam);
    const result = checkRelease(dir);
    expect(result.changes.get("aiptx")!.length).toBeGreaterThan(0);
    expect(result.problems).toEqual([]);
  });

  it("fails on a breaking change released as the same version, and says which version it needs", () => {
    const dir = copyOfRepo();
    editSpec(dir, "aiptx", removeTarget);
    const { problems } = checkRelease(dir);
    expect(problems).toEqual([
      expect.stringContaining(`breaking changes since ${BASE} (aiptx) need version ${NEXT} or later, package.json says ${BASE}`),
    ]);
  });

  it("fails on a breaking change with a patch bump (0.x needs a minor), even with a changelog entry", () => {
    const dir = copyOfRepo();
    editSpec(dir, "aiptx", removeTarget);
    setVersion(dir, PATCH);
    addEntry(dir, PATCH, ["aiptx"]);
    expect(checkRelease(dir).problems).toEqual([expect.stringContaining(`need version ${NEXT} or later, package.json says ${PATCH}`)]);
  });

  it("fails on a breaking change with the right bump but no changelog entry, or one without the vendor", () => {
    const dir = copyOfRepo();
    editSpec(dir, "aiptx", removeTarget);
    setVersion(dir, NEXT);
    expect(checkRelease(dir).problems).toEqual([expect.stringContaining(`need a CHANGELOG.md entry "## [${NEXT}]"`)]);
    addEntry(dir, NEXT, ["ayliea"]);
    expect(checkRelease(dir).problems).toEqual([expect.stringContaining('no "### <vendor>" section for aiptx')]);
  });

  it("passes on a breaking change released as the next breaking version with its changelog entry", () => {
    const dir = copyOfRepo();
    editSpec(dir, "aiptx", removeTarget);
    setVersion(dir, NEXT);
    addEntry(dir, NEXT, ["aiptx"]);
    expect(checkRelease(dir).problems).toEqual([]);
  });

  it("counts a previous release's snippet that no longer compiles as breaking", () => {
    const dir = copyOfRepo();
    const extra = [{ vendor: "README", text: `README.md of ${BASE}, block at line 60 no longer compiles` }];
    expect(checkRelease(dir, extra).problems).toEqual([
      expect.stringContaining(`breaking changes since ${BASE} (README) need version ${NEXT}`),
      expect.stringContaining(`CHANGELOG.md's entry for ${BASE} has no "### <vendor>" section for README`),
    ]);
  });

  it("fails on a new version without a changelog entry, and on a version that goes back", () => {
    const dir = copyOfRepo();
    setVersion(dir, PATCH);
    expect(checkRelease(dir).problems).toEqual([`version ${PATCH} has no CHANGELOG.md entry "## [${PATCH}]"`]);
    setVersion(dir, "0.0.9");
    expect(checkRelease(dir).problems).toContain(`package.json version 0.0.9 is not after the last release ${BASE}`);
  });

  it("knows which versions may break: major, or minor while 0.x", () => {
    expect([allowsBreaking("0.1.0", "0.2.0"), allowsBreaking("0.1.0", "0.1.5"), allowsBreaking("0.1.0", "1.0.0")]).toEqual([true, false, true]);
    expect([allowsBreaking("1.2.0", "1.3.0"), allowsBreaking("1.2.0", "2.0.0")]).toEqual([false, true]);
    expect([nextBreaking("0.1.3"), nextBreaking("1.4.2")]).toEqual(["0.2.0", "2.0.0"]);
  });
});

// The CI guard itself: this checkout's specs against the last release. When it fails, run
// `npm run release:check` for the details and `npm run release:prepare -- <version> --note "…"`.
describe("this checkout", () => {
  it("releases no breaking contract change without the version and changelog entry it needs", () => {
    expect(checkRelease(repoRoot).problems).toEqual([]);
  });
});

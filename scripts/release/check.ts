// `npm run release:check`: what changed since the last release (release/baseline/), whether the
// previous release's README blocks and docs samples still compile, and whether the version and
// CHANGELOG.md say so. Exit 1 when the release guard would fail `npm test`.
import { formatText, toReport } from "../../src/cli/diff/report.js";
import { repoRoot } from "../vendors.js";
import { readBaseline } from "./baseline.js";
import { checkRelease } from "./guard.js";
import { previousSnippetFailures } from "./previous-snippets.js";

const failures = previousSnippetFailures(readBaseline(repoRoot));
const result = checkRelease(repoRoot, failures);
const all = [...result.changes].flatMap(([vendor, list]) => list.map((c) => ({ vendor, ...c })));
console.log(`Changes since ${result.baselineVersion} (package.json: ${result.version}):\n`);
console.log(formatText(toReport(all)));
if (failures.length) console.log(`\nPrevious release's snippets that no longer compile (breaking):\n${failures.map((f) => `  ${f.text}`).join("\n")}`);
if (result.problems.length) {
  console.error(`\nrelease check failed:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("\nrelease check passed.");

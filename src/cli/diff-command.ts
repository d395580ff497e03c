// `ai-vendor-contracts diff <old> <new>` or `diff --since <ref> [--vendor V]`: every contract
// change, classified breaking or not for a consumer of the typed client. Exit 1 when any is breaking.
import { parseArgs, rejectUnknown, UsageError } from "./args.js";
import { diffSpecs } from "./diff/compare.js";
import { repositoryRoot, specsSince, vendorsIn } from "./diff/from-git.js";
import { loadSpecFile } from "./diff/load-spec.js";
import { formatText, toReport } from "./diff/report.js";

export const DIFF_HELP = `Usage: ai-vendor-contracts diff <old-spec> <new-spec> [--json]
       ai-vendor-contracts diff --since <git-ref> [--vendor V] [--json]

Lists every change between two OpenAPI documents (JSON or YAML, $refs resolved), per operation,
each marked BREAKING or not for code using the typed client, with the reason.
--since compares generated/<vendor>/openapi.json at a git ref with the working tree (inside a
clone of this repository); without --vendor, every vendor.

Options:
  --json       machine-readable: { "breaking": bool, "changes": [{ operation, location, rule, breaking, reason, before?, after? }] }
  --since REF  the git ref to compare with (a tag, branch or commit)
  --vendor V   with --since: only this vendor
  --help       this text

Exit codes: 0 no breaking change (or none at all), 1 at least one breaking change, 2 bad usage.`;

export async function diffCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ["since", "vendor"]);
  if (args.flags.has("help")) return (console.log(DIFF_HELP), 0);
  rejectUnknown(args, ["json", "since", "vendor", "help"]);
  const since = args.flags.get("since") as string | undefined;
  const vendor = args.flags.get("vendor") as string | undefined;
  let report;
  if (since !== undefined) {
    if (args.positionals.length) throw new UsageError("pass either two spec files or --since <ref>, not both");
    const root = repositoryRoot(process.cwd());
    const known = vendorsIn(root);
    if (vendor !== undefined && !known.includes(vendor.toLowerCase())) {
      throw new UsageError(`unknown vendor "${vendor}"; known vendors: ${known.join(", ")}`);
    }
    const vendors = vendor === undefined ? known : [vendor.toLowerCase()];
    report = toReport(
      vendors.flatMap((v) => {
        const { before, after } = specsSince(root, v, since);
        return diffSpecs(before, after).map((change) => ({ vendor: v, ...change }));
      }),
    );
  } else {
    if (vendor !== undefined) throw new UsageError("--vendor goes with --since <ref>");
    if (args.positionals.length !== 2) throw new UsageError(`name two spec files (old, then new), got ${args.positionals.length}`);
    report = toReport(diffSpecs(loadSpecFile(args.positionals[0]!), loadSpecFile(args.positionals[1]!)));
  }
  console.log(args.flags.has("json") ? JSON.stringify(report, null, 2) : formatText(report));
  return report.breaking ? 1 : 0;
}

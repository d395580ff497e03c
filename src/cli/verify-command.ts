// `ai-vendor-contracts verify <vendor> --upstream <url>`: puts Prism's validation proxy in front
// of the real API, sends every GET operation of the spec through it with the caller's key, and
// reports each contract violation the live answers commit. Exit 1 when there is any.
import { readFileSync } from "node:fs";
import { freePort, startPrism } from "../testing/prism-process.js";
import { checkPort, checkVendor, specPath } from "../testing/start-mock.js";
import { parseArgs, portFlag, rejectUnknown, UsageError } from "./args.js";
import { authHeaderFor, exampleTarget, type BundledSpec } from "./spec-examples.js";

export const VERIFY_HELP = `Usage: ai-vendor-contracts verify <vendor> --upstream <url> [--port N]

Checks a live API against this package's spec. Every GET operation is sent, with the
example parameters from the spec, through Prism's validation proxy to <url>; each answer
that breaks the spec (wrong type, missing required field, undeclared status …) is reported.
Fields the spec does not know are not violations.

The key comes from <VENDOR>_API_KEY (e.g. AICLICKS_API_KEY) and is never printed.
Write operations are never called.

Options:
  --upstream URL   the API to check, e.g. https://api.aiclicks.io
  --port N         port for the local proxy (default: a free port)
  --help           this text

Exit codes: 0 no violations, 1 violations (or the API could not be reached), 2 bad usage.`;

interface Violation {
  location: string[];
  severity: string;
  message: string;
}

export async function verifyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ["upstream", "port"]);
  if (args.flags.has("help")) return (console.log(VERIFY_HELP), 0);
  rejectUnknown(args, ["upstream", "port", "help"]);
  const [vendor, ...extra] = args.positionals;
  if (!vendor || extra.length) throw new UsageError("name exactly one vendor");
  try {
    checkVendor(vendor);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const upstream = args.flags.get("upstream");
  if (typeof upstream !== "string") throw new UsageError("--upstream <url> is required");
  try {
    new URL(upstream);
  } catch {
    throw new UsageError(`--upstream must be an absolute URL, got "${upstream}"`);
  }
  const envVar = `${vendor.toUpperCase()}_API_KEY`;
  const key = process.env[envVar];
  if (!key) throw new UsageError(`set ${envVar} to a key for ${upstream}`);
  const port = portFlag(args);
  if (port !== undefined) await checkPort(port);

  const spec = JSON.parse(readFileSync(specPath(vendor), "utf8")) as BundledSpec;
  const proxy = await startPrism(`${vendor} proxy`, ["proxy", specPath(vendor), upstream], port ?? (await freePort()));
  let failing = 0;
  let total = 0;
  let unreachable = 0;
  try {
    const gets = Object.entries(spec.paths).flatMap(([path, item]) => (item.get ? [[path, item.get] as const] : []));
    console.log(`Verifying ${spec.info.title} ${spec.info.version} at ${upstream}: ${gets.length} GET operations`);
    for (const [path, op] of gets) {
      const target = exampleTarget(spec, path, op);
      const url = new URL(proxy.url + target.path);
      for (const [name, value] of Object.entries(target.query)) url.searchParams.set(name, value);
      const [header, value] = authHeaderFor(spec, op, key);
      const response = await fetch(url, { headers: { [header]: value, accept: "application/json, */*" } });
      await response.arrayBuffer();
      // Only the answer is judged: a request-side finding would be a fault of this probe.
      const violations = (JSON.parse(response.headers.get("sl-violations") ?? "[]") as Violation[]).filter(
        (v) => v.severity === "Error" && v.location[0] === "response",
      );
      const name = `${op.operationId ?? "?"}`.padEnd(28);
      if (response.status >= 500 && response.headers.get("content-type")?.includes("problem+json")) {
        unreachable++;
        console.log(`  ! ${name} GET ${path}: Prism could not get an answer from the upstream (HTTP ${response.status})`);
        continue;
      }
      if (!violations.length) {
        console.log(`  ✓ ${name} GET ${path} → ${response.status}`);
        continue;
      }
      failing++;
      total += violations.length;
      console.log(`  ✗ ${name} GET ${path} → ${response.status}`);
      for (const v of violations) console.log(`      ${v.location.join(".")}: ${v.message}`);
    }
  } finally {
    await proxy.stop();
  }
  if (failing || unreachable) {
    console.log(
      `${failing} operation(s) break the ${vendor} spec (${total} violation(s))` +
        (unreachable ? `; ${unreachable} could not be checked` : "") +
        ".",
    );
    return 1;
  }
  console.log(`No contract violations: every answer matches the ${vendor} spec.`);
  return 0;
}

// `ai-vendor-contracts verify <vendor> --upstream <url>`: puts Prism's validation proxy in front
// of the real API, sends every GET operation of the spec through it with the caller's key, and
// reports what each answer proves (see verify-verdict.ts). Exit 1 on any violation, or when
// nothing could be checked.
import { readFileSync } from "node:fs";
import { resolveApiKey, resolveBaseUrl } from "../core/auth.js";
import { ConfigurationError } from "../core/errors.js";
import { freePort, startPrism } from "../testing/prism-process.js";
import { checkPort, checkVendor, specPath } from "../testing/start-mock.js";
import { parseArgs, portFlag, rejectUnknown, UsageError } from "./args.js";
import { authHeaderFor, exampleTarget, operationsOf, type BundledSpec } from "./spec-examples.js";
import { vendorDescription } from "./vendor-description.js";
import { judge, type Violation } from "./verify-verdict.js";

export const VERIFY_HELP = `Usage: ai-vendor-contracts verify <vendor> --upstream <url> [--port N]

Checks a live API against this package's spec. Every GET operation is sent, with the
example parameters from the spec, through Prism's validation proxy to <url>. An operation
counts as checked only when it answers with a success status the spec declares and a body
that keeps to the spec; a declared error status (401, 403, 429, 5xx, a 404 for an example
id, or no answer within 30 s) is skipped; an undeclared status, a 404 for a request that names no resource, or a body
that breaks the spec (wrong type, missing required field …) is a violation. Fields the spec
does not know are not violations. The last line reads: checked N / skipped M / violations K.

<url> must be https:// (http:// only to localhost or 127.0.0.1). The key comes from
<VENDOR>_API_KEY (e.g. AICLICKS_API_KEY), must have the vendor's form, and is never printed.
Write operations are never called.

Options:
  --upstream URL   the API to check, e.g. https://api.aiclicks.io
  --port N         port for the local proxy (default: a free port)
  --help           this text

Exit codes: 0 no violations and at least one operation checked, 1 violations or nothing
checked, 2 bad usage.`;

const PROBE_TIMEOUT_MS = 30_000;

/** A ConfigurationError from the client's rules is bad usage here, named by what the user set. */
function clientRule<T>(what: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(`${what}: ${error.message}`);
    throw error;
  }
}

export async function verifyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ["upstream", "port"]);
  if (args.flags.has("help")) return (console.log(VERIFY_HELP), 0);
  rejectUnknown(args, ["upstream", "port", "help"]);
  const [name, ...extra] = args.positionals;
  if (!name || extra.length) throw new UsageError("name exactly one vendor");
  const vendor = name.toLowerCase();
  try {
    checkVendor(vendor);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const rawUpstream = args.flags.get("upstream");
  if (typeof rawUpstream !== "string") throw new UsageError("--upstream <url> is required");
  // The client's own rules, before anything is sent: https (or loopback), a key of the vendor's form.
  const description = await vendorDescription(vendor);
  const upstream = clientRule(`--upstream ${rawUpstream}`, () => resolveBaseUrl(description, rawUpstream));
  const key = clientRule(description.apiKey.envVar, () => resolveApiKey(description, undefined));
  const port = portFlag(args);
  if (port !== undefined) await checkPort(port);

  const spec = JSON.parse(readFileSync(specPath(vendor), "utf8")) as BundledSpec;
  const proxy = await startPrism(`${vendor} proxy`, ["proxy", specPath(vendor), upstream], port ?? (await freePort()));
  const count = { checked: 0, skipped: 0, violations: 0 };
  try {
    const gets = operationsOf(spec).flatMap(({ method, path, op }) => (method === "get" ? [[path, op] as const] : []));
    console.log(`Verifying ${spec.info.title} ${spec.info.version} at ${upstream}: ${gets.length} GET operations`);
    for (const [path, op] of gets) {
      const target = exampleTarget(spec, path, op);
      const url = new URL(proxy.url + target.path);
      for (const [param, value] of Object.entries(target.query)) url.searchParams.set(param, value);
      const [header, value] = authHeaderFor(spec, op, key);
      const name = `${op.operationId ?? "?"}`.padEnd(28) + ` GET ${path}`;
      // An upstream that never answers one operation must not hold the whole run.
      const response = await fetch(url, {
        headers: { [header]: value, accept: "application/json, */*" },
        redirect: "manual",
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      }).then(
        async (r) => (await r.arrayBuffer(), r),
        () => undefined,
      );
      if (!response) {
        count.skipped++;
        console.log(`  - ${name}: skipped, no answer within ${PROBE_TIMEOUT_MS / 1000} s`);
        continue;
      }
      const label = `${name} → ${response.status}`;
      // A request that names a resource (an id in the path or a required query parameter) may
      // rightly get a 404 for an example id; one that names none must find its path.
      const namesResource = target.path !== path || Object.keys(target.query).length > 0;
      const verdict = judge(op, namesResource, response.status, JSON.parse(response.headers.get("sl-violations") ?? "[]") as Violation[]);
      if (verdict.kind === "checked") {
        count.checked++;
        console.log(`  ✓ ${label}`);
      } else if (verdict.kind === "skipped") {
        count.skipped++;
        console.log(`  - ${label}: skipped, ${verdict.reason}`);
      } else {
        count.violations += verdict.problems.length;
        console.log(`  ✗ ${label}`);
        for (const problem of verdict.problems) console.log(`      ${problem}`);
      }
    }
  } finally {
    await proxy.stop();
  }
  console.log(`checked ${count.checked} / skipped ${count.skipped} / violations ${count.violations}`);
  if (count.violations) return (console.log(`The answers break the ${vendor} spec.`), 1);
  if (!count.checked) return (console.log("Nothing was checked: no operation answered with a success status."), 1);
  console.log(`No contract violations: every answer checked matches the ${vendor} spec.`);
  return 0;
}

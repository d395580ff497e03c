// `ai-vendor-contracts verify <vendor> --upstream <url>`: the command line of verify-run.ts.
// Reads the options, applies the client's own rules to --upstream and the key before anything
// is sent.
import { readFileSync } from "node:fs";
import { resolveApiKey, resolveBaseUrl } from "../core/auth.js";
import { ConfigurationError } from "../core/errors.js";
import { checkVendor, specPath } from "../testing/start-mock.js";
import { parseArgs, rejectUnknown, UsageError } from "./args.js";
import type { BundledSpec } from "./spec-examples.js";
import { vendorDescription } from "./vendor-description.js";
import { runVerify } from "./verify-run.js";

export const VERIFY_HELP = `Usage: ai-vendor-contracts verify <vendor> --upstream <url> [--strict] [--timeout S]

Checks a live API against this package's spec. Every GET operation is sent once to <url>, with
the example parameters from the spec and your key, and each answer is judged against the spec
(by Ajv, with the rules Prism validates with):
  ✓ checked     a success status the spec declares, in a media type it declares, with a body
                and headers that keep to the spec
  - skipped     a declared error status (401, 403, 429, 5xx, or a 404 for an example id the
                upstream does not hold), or no answer within the timeout
  ✗ violation   an undeclared status; a 404 for a request that names no resource (the path is
                missing: check the base path of <url>); a redirect (never followed: the key goes
                to <url>'s origin only, and the report names the target's origin and path);
                a success whose body is empty, cut off, not JSON, HTML, or breaks the spec
                (wrong type, missing required field …)
Then the drift report lists, per operation, the fields the answers carry that the spec does not
declare and the declared fields no answer carried (what a rename looks like); it is a warning,
and a violation under --strict. Deprecation and Sunset headers are printed as sent. When every
operation answers 404, the base path of <url> is likely wrong, and the report says so. When
nothing listens at <url>, the run stops with "could not connect to host:port".
The last line but one reads: checked N / skipped M / violations K.

<url> must be https:// (http:// only to localhost or 127.0.0.1). The key comes from
<VENDOR>_API_KEY (e.g. AICLICKS_API_KEY), must have the vendor's form, and is never printed.
Write operations are never called.

Options:
  --upstream URL   the API to check, e.g. https://api.aiclicks.io/api/v1
  --strict         drift (fields not in the spec, documented fields never seen) is a violation
  --timeout S      seconds to wait for each answer (default 30)
  --help           this text

Exit codes: 0 no violations and at least one operation checked, 1 violations, nothing
checked, or the upstream unreachable, 2 bad usage.`;

const DEFAULT_TIMEOUT_S = 30;

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
  const args = parseArgs(argv, ["upstream", "timeout"]);
  if (args.flags.has("help")) return (console.log(VERIFY_HELP), 0);
  rejectUnknown(args, ["upstream", "strict", "timeout", "help"]);
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
  if (args.flags.has("strict") && args.flags.get("strict") !== true) throw new UsageError("--strict takes no value");
  const timeout = args.flags.get("timeout") ?? String(DEFAULT_TIMEOUT_S);
  const seconds = Number(timeout);
  if (!(seconds > 0 && seconds <= 600)) throw new UsageError(`--timeout takes seconds, more than 0 and at most 600, got ${String(timeout)}`);
  // The client's own rules, before anything is sent: https (or loopback), a key of the vendor's form.
  const description = await vendorDescription(vendor);
  const upstream = clientRule(`--upstream ${rawUpstream}`, () => resolveBaseUrl(description, rawUpstream));
  const key = clientRule(description.apiKey.envVar, () => resolveApiKey(description, undefined));
  const spec = JSON.parse(readFileSync(specPath(vendor), "utf8")) as BundledSpec;
  return runVerify({ vendor, spec, upstream, key, strict: args.flags.has("strict"), timeoutMs: seconds * 1000, print: console.log });
}

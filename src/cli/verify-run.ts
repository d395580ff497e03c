// One verify run: every GET operation of the spec probed once at --upstream with the spec's
// example parameters, each answer judged (verify-verdict.ts), then the drift report
// (verify-drift.ts) and the summary. Returns the exit code; prints through `print`.
import { ResponseOracle } from "./response-oracle.js";
import { authHeaderFor, exampleTarget, operationsOf, type BundledSpec } from "./spec-examples.js";
import { DriftLedger } from "./verify-drift.js";
import { probe } from "./verify-probe.js";
import { judge } from "./verify-verdict.js";

export interface VerifyRun {
  vendor: string;
  spec: BundledSpec;
  /** The checked base URL (resolveBaseUrl): https, or http to loopback. */
  upstream: string;
  key: string;
  /** Drift (undeclared fields, declared fields never seen) counts as violations. */
  strict: boolean;
  timeoutMs: number;
  print: (line: string) => void;
}

/** Problems listed per answer; the rest are counted and summed up in one line. */
export const MAX_LISTED_PROBLEMS = 20;
// Headers that announce an operation's end; printed as sent (RFC 9745 Deprecation, RFC 8594 Sunset).
const LIFECYCLE_HEADERS = ["Deprecation", "Sunset"];

export async function runVerify(run: VerifyRun): Promise<number> {
  const { spec } = run;
  // An upstream may echo the key (in an error body, a Location): it is masked in every line.
  const print = (line: string) => run.print(line.split(run.key).join("[API key]"));
  const oracle = await ResponseOracle.for(spec);
  const drift = new DriftLedger(oracle);
  const count = { checked: 0, skipped: 0, violations: 0 };
  const statuses: number[] = [];
  const gets = operationsOf(spec).filter((o) => o.method === "get");
  print(`Verifying ${spec.info.title} ${spec.info.version} at ${run.upstream}: ${gets.length} GET operations`);
  for (const { path, method, op } of gets) {
    const target = exampleTarget(spec, path, op);
    const url = new URL(run.upstream.replace(/\/+$/, "") + target.path);
    for (const [param, value] of Object.entries(target.query)) url.searchParams.set(param, value);
    const [header, value] = authHeaderFor(spec, op, run.key);
    const name = `${op.operationId ?? "?"}`.padEnd(28) + ` GET ${path}`;
    const outcome = await probe(url, { [header]: value, accept: "application/json, */*" }, run.timeoutMs);
    if (outcome.kind === "unreachable") {
      // Nothing listens (or DNS fails): every other probe would say the same.
      print(`  ✗ ${name}: ${outcome.reason}`);
      print(`checked ${count.checked} / skipped ${count.skipped} / violations ${count.violations}`);
      print(`Stopped: ${outcome.reason}. Is the API up, and is --upstream (${run.upstream}) its address?`);
      return 1;
    }
    if (outcome.kind === "no-answer") {
      count.skipped++;
      print(`  - ${name}: skipped, no answer within ${outcome.timeoutMs / 1000} s`);
      continue;
    }
    statuses.push(outcome.status);
    const label = `${name} → ${outcome.status}`;
    // A request that names a resource (an id in the path or a required query parameter) may
    // rightly get a 404 for an example id; one that names none must find its path.
    const namesResource = target.path !== path || Object.keys(target.query).length > 0;
    const verdict = judge(oracle, { path, method, op, namesResource }, outcome, url);
    if (verdict.kind !== "skipped" && verdict.json) drift.record(`${op.operationId ?? path}`, verdict.json.schemaPointer, verdict.json.body);
    if (verdict.kind === "checked") {
      count.checked++;
      print(`  ✓ ${label}`);
    } else if (verdict.kind === "skipped") {
      count.skipped++;
      print(`  - ${label}: skipped, ${verdict.reason}`);
    } else {
      count.violations += verdict.problems.length;
      print(`  ✗ ${label}`);
      for (const problem of verdict.problems.slice(0, MAX_LISTED_PROBLEMS)) print(`      ${problem}`);
      const more = verdict.problems.length - MAX_LISTED_PROBLEMS;
      if (more > 0) print(`      … and ${more} more violations in this answer`);
    }
    const lifecycle = LIFECYCLE_HEADERS.flatMap((h) => (outcome.headers.has(h) ? [`${h}: ${outcome.headers.get(h)}`] : []));
    if (lifecycle.length) print(`      ${lifecycle.join(" · ")}`);
  }
  count.violations += printDrift(drift, run.strict, print);
  if (statuses.length && statuses.every((s) => s === 404)) {
    const server = spec.servers[0]?.url;
    print(`Every operation answered 404: the base path of --upstream (${run.upstream}) is likely wrong${server ? `; the spec's server is ${server}` : ""}.`);
  }
  print(`checked ${count.checked} / skipped ${count.skipped} / violations ${count.violations}`);
  if (count.violations) return (print(`The answers break the ${run.vendor} spec.`), 1);
  if (!count.checked) return (print("Nothing was checked: no operation answered with a success status."), 1);
  print(`No contract violations: every answer checked matches the ${run.vendor} spec.`);
  return 0;
}

/** Prints the drift report; the number of violations it adds (none unless --strict). */
function printDrift(drift: DriftLedger, strict: boolean, print: (line: string) => void): number {
  const report = drift.report();
  if (!report.length) return 0;
  print(`Drift: fields the answers and the spec do not share${strict ? " (violations under --strict)" : " (--strict makes them violations)"}`);
  let fields = 0;
  for (const [operation, { undeclared, neverSeen }] of report) {
    print(`  ${strict ? "✗" : "~"} ${operation}`);
    if (undeclared.length) print(`      not in the spec: ${undeclared.join(", ")}`);
    if (neverSeen.length) print(`      declared, never seen: ${neverSeen.join(", ")}`);
    fields += undeclared.length + neverSeen.length;
  }
  return strict ? fields : 0;
}

// The drift zoo (test/fixtures/drift-zoo.ts) for verify, per vendor: the faithful upstream
// passes with every GET operation checked at real example ids, and each variant that breaks one
// thing is flagged with its own verdict. No variant ever gets a request, let alone a key, to the
// second origin. One upstream per vendor serves every case; verify runs in-process.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BundledSpec } from "../../src/cli/spec-examples.js";
import { GUESS_PREFIX } from "../../src/cli/verify-drift.js";
import { runVerify } from "../../src/cli/verify-run.js";
import { specPath } from "../../src/testing/start-mock.js";
import { LOCATION_SECRET, startZoo, type Variant, type Zoo } from "../fixtures/drift-zoo.js";
import { listenLoopback } from "../fixtures/spec-upstream.js";

const KEYS: Record<string, string> = {
  aiclicks: "ak_live_zoo_secret_key_0123456789",
  ailabsaudit: "aila_zoo_secret_key_0123456789",
  aiptx: "aiptx_zoo_secret_key_0123456789",
  ayliea: `ayliea_pk_${"cd".repeat(32)}`,
};

/** The lines verify printed for one operation: its verdict line and the indented lines under it. */
function block(out: string, operationId: string): string {
  const lines = out.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^  [✓✗~-] ${operationId}( |$)`).test(l));
  if (start < 0) return "";
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("      "));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}
/** The drift report's part, from its heading to the summary line. */
const driftReport = (out: string) => /^Drift:[\s\S]*?(?=^checked )/m.exec(out)?.[0] ?? "";
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Names of the properties the spec marks as guesses, and nowhere declares as anything else. */
function guessedFields(spec: BundledSpec): string[] {
  const guessed = new Set<string>();
  const other = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const { properties } = node as { properties?: Record<string, { description?: unknown }> };
    for (const [name, property] of Object.entries(properties ?? {})) {
      (String(property?.description ?? "").startsWith(GUESS_PREFIX) ? guessed : other).add(name);
    }
    Object.values(node).forEach(walk);
  };
  walk(spec);
  return [...guessed].filter((name) => !other.has(name));
}
/** `data[].id` as a problem names it: `body.data[0].id`. */
const problemPath = (path: string) => `body\\.${escapeRe(path).replace(/\\\[\\\]/g, "\\[\\d+\\]")}`;

describe.each(Object.keys(KEYS))("the drift zoo: verify %s", (vendor) => {
  const key = KEYS[vendor]!;
  const spec = JSON.parse(readFileSync(specPath(vendor), "utf8")) as BundledSpec;
  let zoo: Zoo;
  beforeAll(async () => void (zoo = await startZoo(vendor)));
  afterAll(() => zoo.close());
  afterEach(() => {
    // Whatever the variant: nothing reached the other origin, and the key was never printed.
    expect(zoo.elsewhere.received).toEqual([]);
    zoo.received.length = 0;
  });

  const verify = async (variant: Variant, options: { strict?: boolean; upstream?: string } = {}) => {
    zoo.variant = variant;
    const lines: string[] = [];
    const code = await runVerify({ vendor, spec, upstream: options.upstream ?? zoo.url, key, strict: options.strict ?? false, timeoutMs: 20_000, print: (l) => lines.push(l) });
    const out = lines.join("\n");
    expect(out).not.toContain(key);
    return { code, out };
  };
  const operations = () => [...zoo.routes.values()];
  const carriesKey = (headers: Record<string, unknown>) => Object.values(headers).some((v) => v === key || v === `Bearer ${key}`);

  it("faithful: exit 0, every GET operation checked, each at the real example ids of its path", async () => {
    const { code, out } = await verify("faithful");
    expect(out).toContain(`checked ${zoo.routes.size} / skipped 0 / violations 0\nNo contract violations`);
    for (const { operationId } of operations()) expect(block(out, operationId)).toMatch(/^  ✓ /);
    expect(code).toBe(0);
    // The upstream saw exactly the example paths (so no 404 for a literal `{id}`), each with the key.
    expect(new Set(zoo.received.map((r) => new URL(r.path, "http://x").pathname))).toEqual(new Set(zoo.routes.keys()));
    expect(zoo.received.map((r) => r.path).join(" ")).not.toMatch(/[{}]|%7B/i);
    expect(zoo.received.every((r) => carriesKey(r.headers))).toBe(true);
  });

  it("a documented (required) field dropped: that operation is a violation, and the drift report names the field", async () => {
    const { code, out } = await verify("dropped-field");
    const name = zoo.required.path.split(".").pop()!;
    expect(block(out, zoo.required.operationId)).toMatch(new RegExp(`^  ✗ [^\\n]*\\n[\\s\\S]*must have required property '${escapeRe(name)}'`));
    expect(block(driftReport(out), zoo.required.operationId)).toMatch(new RegExp(`declared, never seen: (.*, )?${escapeRe(zoo.required.path)}(,|$)`, "m"));
    expect(code).toBe(1);
  });

  it("a field renamed: the drift report shows the pair, and --strict makes it a violation (exit 1)", async () => {
    const { path, operationId } = zoo.renamed;
    const faithful = await verify("faithful", { strict: true });
    expect(block(driftReport(faithful.out), operationId)).not.toMatch(new RegExp(`${escapeRe(path)}(,|$)`, "m"));
    // A guess (no vendor source shows it) is never reported as declared but never seen.
    for (const guess of guessedFields(spec)) expect(driftReport(faithful.out)).not.toMatch(new RegExp(`never seen: (.*, )?(\\S+\\.)?${escapeRe(guess)}(,|$)`, "m"));
    const { code, out } = await verify("renamed-field", { strict: true });
    const drift = block(driftReport(out), operationId);
    expect(drift).toMatch(new RegExp(`^  ✗ ${operationId}`));
    expect(drift).toMatch(new RegExp(`not in the spec: (.*, )?${escapeRe(path)}_renamed(,|$)`, "m"));
    // A documented field renamed is also declared but never seen; a guess is not held to appear.
    const neverSeen = new RegExp(`declared, never seen: (.*, )?${escapeRe(path)}(,|$)`, "m");
    if (guessedFields(spec).includes(path.split(".").pop()!)) expect(drift).not.toMatch(neverSeen);
    else expect(drift).toMatch(neverSeen);
    expect(out).toMatch(/\(violations under --strict\)/);
    expect(code).toBe(1);
  });

  it("a wrong type: that operation is a violation naming the field", async () => {
    const { code, out } = await verify("wrong-type");
    expect(block(out, zoo.required.operationId)).toMatch(new RegExp(`^  ✗ [^\\n]*\\n[\\s\\S]*${problemPath(zoo.required.path)}: must be`));
    expect(code).toBe(1);
  });

  it("a truncated JSON body: every JSON operation is a violation (not skipped), exit 1", async () => {
    const { code, out } = await verify("truncated-body");
    for (const { operationId, media } of operations()) {
      if (media === "application/json") expect(block(out, operationId)).toMatch(/^  ✗ .*→ 200\n +the body is not valid JSON/);
    }
    expect(out).toMatch(/skipped 0 \/ violations [1-9]/);
    expect(code).toBe(1);
  });

  it("an empty body: every operation is a violation, exit 1", async () => {
    const { code, out } = await verify("empty-body");
    for (const { operationId, media } of operations()) {
      expect(block(out, operationId)).toMatch(new RegExp(`^  ✗ .*→ 200\\n +an empty body where the spec declares .*${escapeRe(media)}`));
    }
    expect(out).toContain(`checked 0 / skipped 0 / violations ${zoo.routes.size}`);
    expect(code).toBe(1);
  });

  it("HTML: a violation wherever the spec declares no text/html", async () => {
    const { code, out } = await verify("html");
    for (const { operationId, declared } of operations()) {
      if (declared.includes("text/html")) expect(block(out, operationId)).toMatch(/^  ✓ /);
      else expect(block(out, operationId)).toMatch(/^  ✗ .*\n[\s\S]* +content-type text\/html is not one the spec declares for 200 .*"<!doctype html>/);
    }
    expect(code).toBe(1);
  });

  it("an undeclared status: every operation is a violation, exit 1", async () => {
    const { code, out } = await verify("undeclared-status");
    for (const { operationId } of operations()) expect(block(out, operationId)).toMatch(/^  ✗ .*→ 418\n +status 418 is not one the spec declares/);
    expect(code).toBe(1);
  });

  it("a redirect to another origin: reported with its origin and path (never its query), not followed, so the key stays home", async () => {
    const { code, out } = await verify("redirect-elsewhere");
    for (const { operationId } of operations()) {
      expect(block(out, operationId)).toMatch(
        new RegExp(`^  ✗ .*→ 30[12378]\\n +redirect \\(30[12378]\\) to ${escapeRe(zoo.elsewhere.url)}/[^ ?]*: not followed, so the key went to ${escapeRe(zoo.url)} only`),
      );
    }
    expect(out).not.toContain(LOCATION_SECRET);
    expect(code).toBe(1);
    // The probes did carry the key (to the upstream), so the empty log of the other origin means something.
    expect(zoo.received.length).toBe(zoo.routes.size);
    expect(zoo.received.every((r) => carriesKey(r.headers))).toBe(true);
  });

  it("a wrong base path (every answer 404): says the base path of --upstream is likely wrong, exit 1", async () => {
    const { code, out } = await verify("faithful", { upstream: `${zoo.url}/v2` });
    expect(out).not.toContain("✓");
    expect(out).toContain(`Every operation answered 404: the base path of --upstream (${zoo.url}/v2) is likely wrong; the spec's server is ${spec.servers[0]!.url}`);
    expect(code).toBe(1);
  });

  it("nothing listening: one 'could not connect to host:port' and exit 1, not an error status per operation", async () => {
    const closed = await listenLoopback(() => {});
    await closed.close();
    const { code, out } = await verify("faithful", { upstream: closed.url });
    const hostPort = closed.url.replace("http://", "");
    expect(out).toContain(`Stopped: could not connect to ${hostPort} (ECONNREFUSED)`);
    expect(out.match(/✗/g)).toHaveLength(1);
    expect(out).not.toMatch(/→ \d{3}/);
    expect(code).toBe(1);
  });
});

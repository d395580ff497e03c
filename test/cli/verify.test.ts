// `verify` against local fakes of the vendor's API: as a user runs it (the CLI, a child process)
// for exit codes and output, and in-process (runVerify) where a child process adds nothing: the
// summary, a run that goes on past one bad answer, the key kept out of the output. Each kind of
// drift, per vendor, is in verify-drift-zoo.test.ts.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { BundledSpec } from "../../src/cli/spec-examples.js";
import { runVerify } from "../../src/cli/verify-run.js";
import { specPath } from "../../src/testing/start-mock.js";
import { listenLoopback, routeBody, specRoutes, startSpecUpstream } from "../fixtures/spec-upstream.js";
import { startStatusUpstream } from "../fixtures/status-upstream.js";
import { runCli } from "./run-cli.js";

let upstream: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => upstream?.close());

const KEY = "ak_live_verify_secret_key";
const verify = (vendor: string, url: string, env: Record<string, string> = { AICLICKS_API_KEY: KEY }, flags: string[] = []) =>
  runCli(["verify", vendor, "--upstream", url, ...flags], env);
/** The same run in this process: its exit code and its output. */
async function verifyHere(vendor: string, url: string, key = KEY, timeoutMs = 20_000) {
  const spec = JSON.parse(readFileSync(specPath(vendor), "utf8")) as BundledSpec;
  const lines: string[] = [];
  const code = await runVerify({ vendor, spec, upstream: url, key, strict: false, timeoutMs, print: (l) => lines.push(l) });
  return { code, stdout: `${lines.join("\n")}\n` };
}

describe("ai-vendor-contracts verify", () => {
  it("an upstream that matches the spec, plus fields the spec does not know: every operation checked, exit 0; the new field is drift, a violation under --strict", async () => {
    upstream = await startSpecUpstream(specPath("aiclicks"), (_op, body) => ({ ...body, added_by_vendor: { new: true } }));
    const { code, stdout } = await verify("AIclicks", upstream.url);
    expect(stdout).toContain("checked 11 / skipped 0 / violations 0\nNo contract violations");
    expect(stdout.match(/✓/g)).toHaveLength(11);
    expect(stdout).toMatch(/Drift: fields the answers and the spec do not share \(--strict makes them violations\)\n  ~ validateApiKey\n +not in the spec: added_by_vendor\n/);
    // The spec documents no retirement: no lifecycle line.
    expect(stdout).not.toMatch(/Deprecation:|Sunset:/);
    expect(code).toBe(0);
    expect(stdout).not.toContain(KEY);

    const strict = await verify("aiclicks", upstream.url, { AICLICKS_API_KEY: KEY }, ["--strict"]);
    expect(strict.stdout).toMatch(/  ✗ validateApiKey\n +not in the spec: added_by_vendor\n/);
    expect(strict.stdout).toMatch(/checked 11 \/ skipped 0 \/ violations [1-9]\d*\nThe answers break the aiclicks spec/);
    expect(strict.code).toBe(1);
  }, 60_000);

  it("the Deprecation and Sunset headers an answer carries are printed under its operation, as sent", async () => {
    const routes = specRoutes(specPath("aiclicks"));
    upstream = await listenLoopback((req, res) => {
      const route = routes.get(new URL(req.url!, "http://x").pathname);
      if (!route) return void res.writeHead(404).end();
      const lifecycle = { deprecation: "@1798761600", sunset: "Fri, 01 Jan 2027 00:00:00 GMT" };
      res.writeHead(200, { "content-type": route.media, ...route.headers, ...lifecycle }).end(JSON.stringify(route.body));
    });
    const { stdout } = await verify("aiclicks", upstream.url);
    expect(stdout).toContain("✓ validateApiKey               GET /api/v1/validate → 200\n      Deprecation: @1798761600 · Sunset: Fri, 01 Jan 2027 00:00:00 GMT\n");
  }, 60_000);

  it("a wrong type and a missing required field are reported per operation, exit 1", async () => {
    upstream = await startSpecUpstream(specPath("aiclicks"), (op, body) => {
      if (op === "listDomains") body.data.total = "two";
      if (op === "getModelLeaderboard") delete body.generated_at;
      return body;
    });
    const { code, stdout } = await verifyHere("aiclicks", upstream.url);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ listDomains[^\n]*\n +body\.data\.total: must be integer/);
    expect(stdout).toMatch(/✗ getModelLeaderboard[^\n]*\n +body: must have required property 'generated_at'/);
    expect(stdout).toContain("checked 9 / skipped 0 / violations 2");
    expect(stdout).not.toContain(KEY);
  }, 60_000);

  it("more violations in one answer than are worth listing: the first 20 and a count, and the run goes on to its summary", async () => {
    // Prism's proxy capped its report header at 8 KB ("Too many violations! …") and verify died on it.
    upstream = await startSpecUpstream(specPath("aiclicks"), (op, body) => {
      if (op === "listDomains") body.data.items = Array.from({ length: 400 }, (_, i) => ({ ...body.data.items[0], id: i, name: i }));
      return body;
    });
    const { code, stdout } = await verifyHere("aiclicks", upstream.url);
    expect(stdout).toMatch(/✗ listDomains[^\n]*\n( +body\.data\.items\[\d+\]\.(id|name): must be string\n){20} +… and 780 more violations in this answer\n/);
    expect(stdout).toMatch(/✓ getModelLeaderboard/);
    expect(stdout).toContain("checked 10 / skipped 0 / violations 800");
    expect(code).toBe(1);
  }, 60_000);

  it("a wrong base path (every answer 404): the operations that name no resource are violations, the report names the base path, exit 1", async () => {
    upstream = await startSpecUpstream(specPath("ailabsaudit"));
    const { code, stdout } = await verify("ailabsaudit", `${upstream.url}/api/v2`, { AILABSAUDIT_API_KEY: "aila_verify_secret_key" });
    expect(code).toBe(1);
    expect(stdout).not.toContain("✓");
    expect(stdout).toMatch(/✗ listClients +GET \/clients → 404\n +status 404 is not one the spec declares/);
    expect(stdout).toMatch(/- getClient +GET \/clients\/\{id\} → 404: skipped, the example id does not exist upstream/);
    expect(stdout).toContain(`Every operation answered 404: the base path of --upstream (${upstream.url}/api/v2) is likely wrong`);
    expect(stdout).toContain("checked 0 / skipped 13 / violations 12");
    expect(stdout).not.toContain("aila_verify_secret_key");
  }, 60_000);

  it("an upstream that is down (every answer 500): nothing is checked, exit 1", async () => {
    upstream = await startStatusUpstream(500);
    const { code, stdout } = await verifyHere("aiclicks", upstream.url);
    expect(code).toBe(1);
    expect(stdout).not.toContain("✓");
    expect(stdout).toContain("checked 0 / skipped 11 / violations 0\nNothing was checked");
  }, 60_000);

  it("nothing listening at --upstream: 'could not connect', exit 1", async () => {
    const closed = await listenLoopback(() => {});
    await closed.close();
    const { code, stdout } = await verifyHere("aiclicks", closed.url);
    expect(stdout).toContain(`Stopped: could not connect to ${closed.url.slice("http://".length)} (ECONNREFUSED)`);
    expect(code).toBe(1);
  }, 60_000);

  it("an operation the upstream never answers is skipped after the timeout, and the run goes on", async () => {
    upstream = await startSpecUpstream(specPath("ayliea"), undefined, ["listAssessments"]);
    const { code, stdout } = await verifyHere("ayliea", upstream.url, `ayliea_pk_${"ab".repeat(32)}`, 1000);
    expect(stdout).toMatch(/- listAssessments +GET \/assessments: skipped, no answer within 1 s/);
    expect(stdout).toContain("checked 3 / skipped 1 / violations 0");
    expect(code).toBe(0);
  }, 60_000);

  it("a key the upstream echoes back (in a redirect's Location) is masked in the output", async () => {
    upstream = await listenLoopback((_req, res) => res.writeHead(302, { location: `/login/${KEY}` }).end());
    const { code, stdout } = await verify("aiclicks", upstream.url);
    expect(stdout).toContain("redirect (302) to /login/[API key] on the same origin: not followed");
    expect(stdout).not.toContain(KEY);
    expect(code).toBe(1);
  }, 60_000);

  it("without Ajv (an optional peer dependency) verify names the packages and the command that installs them", async () => {
    upstream = await startSpecUpstream(specPath("aiclicks"));
    const { code, stderr } = await runCli(["verify", "aiclicks", "--upstream", upstream.url], { AICLICKS_API_KEY: KEY }, { hide: ["ajv"] });
    expect(stderr).toContain('verify needs the optional peer dependencies "ajv" and "ajv-formats" to judge answers: npm install --save-dev ajv@8 ajv-formats@2');
    expect(code).toBe(1);
  }, 60_000);

  it("a connection closed in the middle of a body is a violation of that operation, not a stop", async () => {
    const routes = specRoutes(specPath("ayliea"));
    upstream = await listenLoopback((req, res) => {
      const route = routes.get(new URL(req.url!, "http://x").pathname)!;
      const text = routeBody(route);
      if (route.operationId !== "listScores") return void res.writeHead(200, { "content-type": route.media }).end(text);
      res.writeHead(200, { "content-type": route.media, "content-length": String(text.length) });
      res.write(text.slice(0, 10), () => res.destroy());
    });
    const { code, stdout } = await verifyHere("ayliea", upstream.url, `ayliea_pk_${"ab".repeat(32)}`);
    expect(stdout).toMatch(/✗ listScores[^\n]*→ 200\n +the body is incomplete: the connection closed before the body ended/);
    expect(stdout).toContain("checked 3 / skipped 0 / violations 1");
    expect(code).toBe(1);
  }, 60_000);
});

// `verify` against local fakes of the vendor's API. Only a declared success answer that keeps to
// the spec counts as checked: a faithful upstream (even one that adds fields) passes; one that
// drifts, one behind a wrong base path (every answer 404) and one that is down (every answer
// 500) each exit 1 with a summary that says why.
import { afterEach, describe, expect, it } from "vitest";
import { specPath } from "../../src/testing/start-mock.js";
import { startSpecUpstream } from "../fixtures/spec-upstream.js";
import { startStatusUpstream } from "../fixtures/status-upstream.js";
import { runCli } from "./run-cli.js";

let upstream: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => upstream?.close());

const KEY = "ak_live_verify_secret_key";
const verify = (vendor: string, url: string, env: Record<string, string> = { AICLICKS_API_KEY: KEY }) =>
  runCli(["verify", vendor, "--upstream", url], env);

describe("ai-vendor-contracts verify", () => {
  it("an upstream that matches the spec, plus fields the spec does not know: every operation checked, exit 0", async () => {
    upstream = await startSpecUpstream(specPath("aiclicks"), (_op, body) => ({ ...body, added_by_vendor: { new: true } }));
    const { code, stdout } = await verify("AIclicks", upstream.url);
    expect(stdout).toContain("checked 11 / skipped 0 / violations 0\nNo contract violations");
    expect(stdout.match(/✓/g)).toHaveLength(11);
    expect(code).toBe(0);
    expect(stdout).not.toContain(KEY);
  }, 60_000);

  it("AIPTx, whose ids are path-item parameters: real example ids in every path, a faithful upstream passes", async () => {
    // The upstream answers 404 to any path it does not know, as the real API does to an unknown id.
    upstream = await startSpecUpstream(specPath("aiptx"));
    const { code, stdout } = await verify("aiptx", upstream.url, { AIPTX_API_KEY: "aiptx_verify_secret_key_0123456789" });
    expect(stdout).toContain("checked 11 / skipped 0 / violations 0\nNo contract violations");
    expect(code).toBe(0);
  }, 60_000);

  it("a wrong type and a missing required field are reported per operation, exit 1", async () => {
    upstream = await startSpecUpstream(specPath("aiclicks"), (op, body) => {
      if (op === "listDomains") body.data.total = "two";
      if (op === "getModelLeaderboard") delete body.generated_at;
      return body;
    });
    const { code, stdout } = await verify("aiclicks", upstream.url);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ listDomains[\s\S]*data\.total[^\n]*integer/);
    expect(stdout).toMatch(/✗ getModelLeaderboard[\s\S]*generated_at/);
    expect(stdout).toContain("checked 9 / skipped 0 / violations 2");
    expect(stdout).not.toContain(KEY);
  }, 60_000);

  it("a wrong base path (every answer 404): the operations that name no resource are violations, nothing is checked, exit 1", async () => {
    upstream = await startSpecUpstream(specPath("ailabsaudit"));
    const { code, stdout } = await verify("ailabsaudit", `${upstream.url}/api/v2`, { AILABSAUDIT_API_KEY: "aila_verify_secret_key" });
    expect(code).toBe(1);
    expect(stdout).not.toContain("✓");
    expect(stdout).toMatch(/✗ listClients +GET \/clients → 404\n +status 404 is not one the spec declares/);
    expect(stdout).toMatch(/- getClient +GET \/clients\/\{id\} → 404: skipped, the example id does not exist upstream/);
    expect(stdout).toContain("checked 0 / skipped 13 / violations 12");
    expect(stdout).not.toContain("aila_verify_secret_key");
  }, 60_000);

  it("an upstream that is down (every answer 500): nothing is checked, exit 1", async () => {
    upstream = await startStatusUpstream(500);
    const { code, stdout } = await verify("aiclicks", upstream.url);
    expect(code).toBe(1);
    expect(stdout).not.toContain("✓");
    expect(stdout).toContain("checked 0 / skipped 11 / violations 0\nNothing was checked");
  }, 60_000);

  it("an operation the upstream never answers is skipped after 30 s, and the run goes on", async () => {
    upstream = await startSpecUpstream(specPath("ayliea"), undefined, ["listAssessments"]);
    const { code, stdout } = await verify("ayliea", upstream.url, { AYLIEA_API_KEY: `ayliea_pk_${"ab".repeat(32)}` });
    expect(stdout).toMatch(/- listAssessments +GET \/assessments: skipped, no answer within 30 s/);
    expect(stdout).toContain("checked 3 / skipped 1 / violations 0");
    expect(code).toBe(0);
  }, 120_000);

  it("an undeclared status is a violation", async () => {
    upstream = await startStatusUpstream(418);
    const { code, stdout } = await verify("ayliea", upstream.url, { AYLIEA_API_KEY: `ayliea_pk_${"ab".repeat(32)}` });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ listScores +GET \/scores → 418\n +status 418 is not one the spec declares \(200, 401, 403, 429, 500\)/);
    expect(stdout).toContain("checked 0 / skipped 0 / violations 4");
  }, 60_000);
});

// `verify` against a local fake of the vendor's API: a faithful upstream (even one that adds
// fields) passes; one that changed a type or dropped a required field is reported, exit 1.
import { afterEach, describe, expect, it } from "vitest";
import { specPath } from "../../src/testing/start-mock.js";
import { startSpecUpstream } from "../fixtures/spec-upstream.js";
import { runCli } from "./run-cli.js";

let upstream: Awaited<ReturnType<typeof startSpecUpstream>> | undefined;
afterEach(async () => upstream?.close());

const KEY = "ak_live_verify_secret_key";

describe("ai-vendor-contracts verify", () => {
  it("an upstream that matches the spec, plus fields the spec does not know: no violations, exit 0", async () => {
    upstream = await startSpecUpstream(specPath("aiclicks"), (_op, body) => ({ ...body, added_by_vendor: { new: true } }));
    const { code, stdout } = await runCli(["verify", "aiclicks", "--upstream", upstream.url], { AICLICKS_API_KEY: KEY });
    expect(stdout).toContain("No contract violations");
    expect(stdout.match(/✓/g)).toHaveLength(11);
    expect(code).toBe(0);
    expect(stdout).not.toContain(KEY);
  }, 60_000);

  it("a wrong type and a missing required field are reported per operation, exit 1", async () => {
    upstream = await startSpecUpstream(specPath("aiclicks"), (op, body) => {
      if (op === "listDomains") body.data.total = "two";
      if (op === "getModelLeaderboard") delete body.generated_at;
      return body;
    });
    const { code, stdout } = await runCli(["verify", "aiclicks", "--upstream", upstream.url], { AICLICKS_API_KEY: KEY });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ listDomains[\s\S]*data\.total[^\n]*integer/);
    expect(stdout).toMatch(/✗ getModelLeaderboard[\s\S]*generated_at/);
    expect(stdout).toContain("2 operation(s) break the aiclicks spec");
    expect(stdout).not.toContain(KEY);
  }, 60_000);
});

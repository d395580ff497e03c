// Every command explains itself with --help, and bad usage exits 2 with a message that says what
// was wrong.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

describe("ai-vendor-contracts usage", () => {
  it.each([[["--help"]], [["mock", "--help"]], [["verify", "--help"]]])("%j prints help and exits 0", async (args) => {
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: ai-vendor-contracts/);
  });

  it("--version prints the package's version and exits 0", async () => {
    expect(await runCli(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("mock --help lists the vendors it can mock", async () => {
    const { stdout } = await runCli(["mock", "--help"]);
    expect(stdout).toContain("Vendors: aiclicks, ailabsaudit, aiptx, ayliea");
  });

  it.each([
    [[], /Usage/],
    [["mock", "--all", "--port", "65534"], /--port 65534 would give aiptx port 65536 and ayliea port 65537, past 65535; use --port 65532 or lower/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["mock"], /name one vendor \(aiclicks, ailabsaudit, aiptx, ayliea\) or pass --all/],
    [["mock", "acme"], /unknown vendor "acme"; known vendors: aiclicks, ailabsaudit, aiptx, ayliea/],
    [["mock", "aiclicks", "--port", "99999"], /--port takes a whole number from 1 to 65535/],
    [["mock", "aiclicks", "--verbose"], /unknown option --verbose/],
    [["verify", "aiclicks"], /--upstream <url> is required/],
    [["verify", "aiclicks", "--upstream", "not a url"], /--upstream not a url: baseUrl "not a url" is not an absolute URL/],
    [["verify", "aiclicks", "--upstream", "http://api.aiclicks.io"], /plain http:\/\/ to a remote host, which would send the API key unencrypted/],
    [["verify", "aiclicks", "--upstream", "ftp://127.0.0.1/"], /baseUrl must be an https:\/\/ URL, got ftp:\/\//],
    [["mock", "aiclicks", "--seed", "5"], /--seed only applies with --dynamic .*add --dynamic or drop --seed/],
    [["verify", "aiclicks", "--upstream", "http://127.0.0.1:9", "--timeout", "0"], /--timeout takes seconds, more than 0 and at most 600, got 0/],
    [["verify", "aiclicks", "--upstream", "http://127.0.0.1:9", "--strict=yes"], /--strict takes no value/],
    [["verify", "aiclicks", "--upstream", "http://127.0.0.1:9", "--port", "4010"], /unknown option --port/],
  ])("%j exits 2: %s", async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, { AICLICKS_API_KEY: "ak_live_x" });
    expect(code).toBe(2);
    expect(stdout + stderr).toMatch(message);
    if (args.length) {
      // What was wrong, one usage line and where the rest is: not the whole help.
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n")).toHaveLength(3);
      expect(stderr).toMatch(/\nUsage: ai-vendor-contracts .*\nRun `ai-vendor-contracts (mock |verify )?--help` for every option\.\n$/);
    }
  });

  it("verify with a key not of the vendor's form says so before sending anything, without echoing the key", async () => {
    const key = "sk_live_pasted_from_elsewhere";
    const { code, stdout, stderr } = await runCli(["verify", "aiclicks", "--upstream", "https://api.aiclicks.io"], { AICLICKS_API_KEY: key });
    expect(code).toBe(2);
    expect(stderr).toContain("AICLICKS_API_KEY: The AIclicks API key is malformed: a key starts with `ak_live_`");
    expect(stdout + stderr).not.toContain(key);
  });

  it("verify without the vendor's key variable names the variable", async () => {
    const { code, stderr } = await runCli(["verify", "ayliea", "--upstream", "https://assess.ayliea.com/api/v1"], { AYLIEA_API_KEY: "" });
    expect(code).toBe(2);
    expect(stderr).toContain("AYLIEA_API_KEY");
  });
});

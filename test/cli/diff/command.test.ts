// The `diff` command as a user runs it: two files (JSON, YAML split over files with $refs) or
// --since a git ref, text or --json, exit 1 on breaking, 0 otherwise, 2 on bad usage.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../run-cli.js";
import { baseSpec, PAIRS } from "./spec-pairs.js";

let dir: string;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const edited = (rule: string) => {
  const spec = baseSpec();
  PAIRS[rule]!.after!(spec);
  return spec;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "diff-command-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts the CLI under tsx (seconds on a busy machine): a generous per-test timeout.
describe("ai-vendor-contracts diff", { timeout: 60_000 }, () => {
  it("exits 1 on a breaking change and says which, why and where", async () => {
    const { code, stdout } = await runCli(["diff", file("a.json", baseSpec()), file("b.json", edited("response-field-removed"))]);
    expect(code).toBe(1);
    expect(stdout).toContain("GET /items/{id}\n  BREAKING  response 200 application/json: note: response-field-removed");
    expect(stdout).toContain("code that reads it no longer compiles");
    expect(stdout).toMatch(/2 change\(s\), 2 breaking\./);
  });

  it("exits 0 on additive changes, and on none at all", async () => {
    const additive = await runCli(["diff", file("a.json", baseSpec()), file("c.json", edited("operation-added")), "--json"]);
    expect(additive.code).toBe(0);
    expect(JSON.parse(additive.stdout)).toEqual({
      breaking: false,
      changes: [expect.objectContaining({ operation: "GET /items", rule: "operation-added", breaking: false })],
    });
    const same = await runCli(["diff", file("a.json", baseSpec()), file("a2.json", baseSpec())]);
    expect(same).toMatchObject({ code: 0, stdout: "No changes.\n" });
  });

  it("--json marks every change breaking: true|false", async () => {
    const { code, stdout } = await runCli(["diff", file("a.json", baseSpec()), file("d.json", edited("request-enum-narrowed")), "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { breaking: boolean; changes: { breaking: boolean }[] };
    expect(report.breaking).toBe(true);
    expect(report.changes.map((c) => c.breaking)).toEqual([true]);
  });

  it("reads YAML split over files, resolving $refs to other files before comparing", async () => {
    const spec = baseSpec();
    spec.components.schemas.Item = { $ref: "./item.yaml" };
    mkdirSync(join(dir, "split"), { recursive: true });
    file("split/openapi.yaml", stringify(spec));
    const item = baseSpec().components.schemas.Item;
    item.properties.children.items = { $ref: "./item.yaml" }; // recursive across the file boundary
    file("split/item.yaml", stringify(item));
    // The same contract, written as one JSON file: nothing changed.
    expect(await runCli(["diff", join(dir, "split/openapi.yaml"), file("a.json", baseSpec())])).toMatchObject({ code: 0, stdout: "No changes.\n" });
  });

  it("--since <ref> compares generated/<vendor>/openapi.json at a commit with the working tree", async () => {
    const repo = join(dir, "clone");
    mkdirSync(join(repo, "generated/items"), { recursive: true });
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: repo });
    git("init", "-q");
    writeFileSync(join(repo, "generated/items/openapi.json"), JSON.stringify(baseSpec()));
    git("add", "-A");
    git("commit", "-qm", "release");
    writeFileSync(join(repo, "generated/items/openapi.json"), JSON.stringify(edited("operation-removed")));
    const { code, stdout } = await runCli(["diff", "--since", "HEAD", "--vendor", "items", "--json"], {}, { cwd: repo });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).changes).toEqual([expect.objectContaining({ vendor: "items", operation: "PUT /items/{id}", rule: "operation-removed" })]);
  });

  it("exits 2 naming a $ref that points at nothing, and a file that is not JSON or YAML", async () => {
    const spec = baseSpec();
    spec.paths["/items/{id}"].get.responses["200"].content["application/json"].schema = { $ref: "#/components/schemas/Gone" };
    const dangling = await runCli(["diff", file("dangling.json", spec), file("a.json", baseSpec())]);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('$ref "#/components/schemas/Gone" points at nothing (no "Gone")');
    const garbage = await runCli(["diff", file("garbage.yaml", "paths: [unclosed"), file("a.json", baseSpec())]);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/garbage\.yaml is neither JSON nor YAML/);
  });

  it.each([
    [["diff"], /name two spec files \(old, then new\), got 0/],
    [["diff", "a.json"], /name two spec files/],
    [["diff", "/nonexistent/a.json", "/nonexistent/b.json"], /cannot read \/nonexistent\/a.json: ENOENT/],
    [["diff", "--since", "HEAD", "--vendor", "acme"], /unknown vendor "acme"; known vendors: aiclicks, ailabsaudit, aiptx, ayliea/],
    [["diff", "--since", "no-such-ref"], /git show no-such-ref:generated\/aiclicks\/openapi.json failed/],
    [["diff", "a.json", "b.json", "--vendor", "aiptx"], /--vendor goes with --since/],
    [["diff", "a.json", "b.json", "--color"], /unknown option --color/],
  ])("%j exits 2: %s", async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout + stderr).toMatch(message);
  });
});

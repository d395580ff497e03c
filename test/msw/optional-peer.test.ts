// msw is an optional peer dependency: without it the MSW entry fails naming msw (Node's own
// ERR_MODULE_NOT_FOUND: the kit has no top-level await, so require() can load it), and
// the root, vendor and Prism testing entries still load (they never import msw).
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

/** Imports `modules` in a fresh Node where msw cannot be resolved; resolves with exit code and output. */
function importWithoutMsw(modules: string[]): Promise<{ code: number | null; output: string }> {
  const script = `for (const m of ${JSON.stringify(modules)}) await import(new URL(m, "file://${root}").href);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "./test/msw/fixtures/hide-msw.mjs", "--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("msw is an optional peer dependency", () => {
  it("importing the MSW kit without msw fails naming msw and the kit's module that imports it", async () => {
    const { code, output } = await importWithoutMsw(["src/testing/msw/index.ts"]);
    expect(code).not.toBe(0);
    expect(output).toMatch(/Cannot find package 'msw' imported from \S*\/src\/testing\/msw\/load-msw\.ts/);
  });

  it("the root, every vendor entry and the Prism kit load without msw", async () => {
    const entries = ["src/index.ts", "src/aiclicks/index.ts", "src/ailabsaudit/index.ts", "src/aiptx/index.ts", "src/ayliea/index.ts", "src/testing/index.ts"];
    const { code, output } = await importWithoutMsw(entries);
    expect(output).toBe("");
    expect(code).toBe(0);
  });
});

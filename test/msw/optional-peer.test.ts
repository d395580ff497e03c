// msw is an optional peer dependency: without it the MSW entry fails with what to install, and
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
  it("importing the MSW kit without msw names the package and the command that installs it", async () => {
    const { code, output } = await importWithoutMsw(["src/testing/msw/index.ts"]);
    expect(code).not.toBe(0);
    expect(output).toContain('needs the optional peer dependency "msw"');
    expect(output).toContain("npm install --save-dev msw@2");
  });

  it("the root, every vendor entry and the Prism kit load without msw", async () => {
    const entries = ["src/index.ts", "src/aiclicks/index.ts", "src/ailabsaudit/index.ts", "src/aiptx/index.ts", "src/ayliea/index.ts", "src/testing/index.ts"];
    const { code, output } = await importWithoutMsw(entries);
    expect(output).toBe("");
    expect(code).toBe(0);
  });
});

// The package as a consumer gets it: `npm pack`, install the tarball into a fresh project (with
// TypeScript, Prism, msw and jest), compile the apps in fixtures/ strict with NodeNext and with
// Bundler resolution, run one against `startMock` for every vendor and one on the MSW kit, run a
// jest test on the MSW kit, and check that an app with a wrong path and a wrong parameter type
// does not compile. Compiles dist/ first when it is stale.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packInto } from "../../scripts/dist.js";

const fixtures = new URL("fixtures/", import.meta.url).pathname;
const INSTALL = ["typescript@5.9.3", "@stoplight/prism-cli@5.14.2", "msw@2.15.0", "jest@30.5.2"];

// Variables `npm test` sets for its own package must not steer the npm run inside the project.
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|INIT_CWD$)/i.test(key)),
);

function exec(command: string, args: string[], cwd: string, timeoutMs: number, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...childEnv, FORCE_COLOR: "0", NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function mustRun(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  const { code, output } = await exec(command, args, cwd, timeoutMs);
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`);
  return output;
}

const tsc = (project: string, config: string) => exec(process.execPath, ["node_modules/typescript/bin/tsc", "-p", config, "--pretty", "false"], project, 180_000);

let project: string;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "avc-consumer-"));
  const { filename } = await packInto(project);
  // The jest config a user of this package (ES modules) needs (with NODE_OPTIONS=--experimental-vm-modules).
  const jest = { testEnvironment: "node" };
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer-app", private: true, type: "module", jest }, null, 2));
  await mustRun("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${filename}`, ...INSTALL], project, 480_000);
  cpSync(fixtures, project, { recursive: true });
  for (const resolution of ["nodenext", "bundler"]) {
    // The wrong app under the same settings; the app's run already checked the libraries.
    const wrong = { extends: `./tsconfig.${resolution}.json`, compilerOptions: { noEmit: true, skipLibCheck: true }, files: ["wrong.ts"] };
    writeFileSync(join(project, `tsconfig.wrong.${resolution}.json`), JSON.stringify(wrong, null, 2));
  }
}, 600_000);

// Removing the installed project (three toolchains' node_modules) can take a minute on a busy machine.
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
}, 240_000);

/** 1-based line of the line ending in `// <marker>` in the wrong app, and column of `at` on it. */
function marked(marker: string, at: string): { line: number; column: number } {
  const lines = readFileSync(join(fixtures, "wrong.ts"), "utf8").split("\n");
  const index = lines.findIndex((l) => l.endsWith(`// ${marker}`));
  return { line: index + 1, column: lines[index]!.indexOf(at) + 1 };
}

describe.each([
  ["NodeNext", "nodenext"],
  ["Bundler", "bundler"],
])("the packed package in a fresh strict TypeScript project, moduleResolution %s", (_name, config) => {
  // Both apps are in one tsconfig, compiled once; each test checks the compile, then runs its app.
  let compiled: Promise<{ code: number | null; output: string }>;
  beforeAll(() => {
    compiled = tsc(project, `tsconfig.${config}.json`);
  });

  it("the apps compile strict, with no error", async () => {
    const { code, output } = await compiled;
    expect(output).toBe("");
    expect(code).toBe(0);
  }, 240_000);

  it("the app that imports every vendor client and the testing kit runs against startMock", async () => {
    expect((await compiled).code).toBe(0);
    const ran = await exec(process.execPath, [`out-${config}/app.js`], project, 180_000);
    expect(ran.output).toContain("consumer app: all vendors OK");
    expect(ran.output).toMatch(/aiclicks: [1-9]\d* domain/);
    expect(ran.code).toBe(0);
  }, 420_000);

  it("the app that tests its code with the MSW kit (override, error, refusal, reset) runs in-process", async () => {
    expect((await compiled).code).toBe(0);
    const ran = await exec(process.execPath, [`out-${config}/app-msw.js`], project, 120_000);
    expect(ran.output).toContain("consumer msw app: OK");
    expect(ran.code).toBe(0);
  }, 300_000);

  it("an app with a wrong path and a wrong parameter type does not compile, and tsc names both", async () => {
    const { code, output } = await tsc(project, `tsconfig.wrong.${config}.json`);
    expect(code).not.toBe(0);
    const errors = output.split("\n").filter((l) => /error TS\d+/.test(l));
    const on = (p: { line: number; column?: number }) =>
      errors.filter((e) => e.startsWith(p.column === undefined ? `wrong.ts(${p.line},` : `wrong.ts(${p.line},${p.column}):`));

    const path = marked("@wrong-path", '"/api/v1/domainz"');
    expect(on(path)).toEqual([expect.stringContaining(`Argument of type '"/api/v1/domainz"' is not assignable`)]);
    // Without an init argument tsc points at `GET` and says "Expected 2 arguments" (see wrong.ts).
    expect(on({ line: marked("@wrong-path-no-init", "GET").line })).toHaveLength(1);
    const type = marked("@wrong-type", "days");
    expect(on(type)).toEqual([expect.stringContaining("Type 'string' is not assignable to type 'number'")]);
    expect(errors).toHaveLength(3);
  }, 240_000);
});

describe("the packed package in a fresh jest project", () => {
  it("a jest test of the MSW kit (example, override, 404 error, resetHandlers, unhandled request) passes", async () => {
    // Plain ESM, no transform: jest's CommonJS runtime does not do Node's require() of ES modules.
    const ran = await exec(process.execPath, ["node_modules/jest/bin/jest.js", "--ci", "app-msw.test.mjs"], project, 180_000, {
      NODE_OPTIONS: "--experimental-vm-modules",
    });
    // jest appends the suite's duration, "(9.878 s)", when it ran slowly.
    expect(ran.output).toMatch(/^PASS \S*app-msw\.test\.mjs( \([\d.]+ m?s\))?$/m);
    expect(ran.output).toMatch(/^Test Suites: +1 passed, 1 total$/m);
    expect(ran.output).toMatch(/^Tests: +5 passed, 5 total$/m);
    expect(ran.code).toBe(0);
  }, 240_000);
});

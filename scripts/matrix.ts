// `npm run test:matrix` (run by .ci/run after `npm test`): the consumer checks of
// test/consumer on every runtime line the README's support table names. The package is packed
// once and installed into two fresh projects, each by a downloaded Node with its own npm and no
// flags: "newest" (Node 24: msw 3, Prism 5.16, ioredis 6, TypeScript 7 — what `@latest` gives
// today) and "lower" (Node 22: msw 2, Prism 5.14.2, ioredis 5, the TypeScript floor 5.4). Then:
// type checks with each TypeScript line, the startMock app and the MSW app on Node 22, 24 and 26,
// a CommonJS consumer that require()s every entry (Node 20 too), strict calls on Bun and Deno, and
// a Worker on workerd, all against loopback mocks. Versions: scripts/matrix/pins.ts. Runtimes are
// cached (scripts/matrix/runtimes.ts). Prints one line per check; exits 1 if any failed.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock, type RunningMock } from "../src/testing/index.js";
import { packInto } from "./dist.js";
import * as pins from "./matrix/pins.js";
import { createProject, envFor, npm, type Toolchain } from "./matrix/project.js";
import { cachedPackage, runtimeBinary, runtimeCache } from "./matrix/runtimes.js";
import { bin, run } from "./run.js";

interface Outcome {
  runtime: string;
  check: string;
  ok: boolean;
  seconds: number;
  detail: string;
}
const outcomes: Outcome[] = [];

/** Runs one check, records and prints its outcome; a failure is reported, never thrown. */
async function check(runtime: string, name: string, body: () => Promise<string>): Promise<boolean> {
  const started = performance.now();
  let ok = true;
  let detail: string;
  try {
    detail = await body();
  } catch (error) {
    ok = false;
    const output = (error as { output?: string }).output;
    detail = `${error instanceof Error ? error.message : String(error)}${output ? `\n${output.trim().split("\n").slice(-25).join("\n")}` : ""}`;
  }
  const seconds = (performance.now() - started) / 1000;
  outcomes.push({ runtime, check: name, ok, seconds, detail });
  const lines = detail.trim().split("\n");
  console.log(`${ok ? "✓" : "✗"} ${runtime.padEnd(22)} ${name} (${seconds.toFixed(1)} s)${ok ? (lines[0] ? ` — ${lines.at(-1)}` : "") : `\n    ${lines.join("\n    ")}`}`);
  return ok;
}

/** Runs `tasks` at most `limit` at a time (the machine has two cores). */
async function pool(tasks: (() => Promise<unknown>)[], limit = 2): Promise<void> {
  const queue = [...tasks];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let task = queue.shift(); task; task = queue.shift()) await task();
  }));
}

/** Output of a run that must print `expected`. */
async function expectOutput(command: string, args: string[], cwd: string, expected: string, node = command): Promise<string> {
  const output = await run(command, args, { cwd, env: envFor(node), timeoutMs: 240_000 });
  if (!output.includes(expected)) throw Object.assign(new Error(`printed no "${expected}"`), { output });
  return output;
}

const tsc = (node: string, tscJs: string, cwd: string, config: string, emit: boolean) =>
  run(node, [tscJs, "-p", config, "--pretty", "false", ...(emit ? [] : ["--noEmit"])], { cwd, env: envFor(node), timeoutMs: 300_000 });

async function main(): Promise<number> {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), "avc-matrix-"));
  let mocks: RunningMock[] = [];
  try {
    console.log(`runtimes cached in ${runtimeCache}`);
    const binaries: string[] = [];
    for (const pin of [pins.NODE_22, pins.NODE_24, pins.NODE_26, pins.BUN, pins.DENO, pins.WORKERD]) binaries.push(await runtimeBinary(pin));
    const [n22, n24, n26, bunBin, denoBin, workerdBin] = binaries as [string, string, string, string, string, string];
    const npmCli = async (version: string) => join((await cachedPackage("npm", version)).dir, "bin/npm-cli.js");
    const newestTools: Toolchain = { node: n24, npmCli: await npmCli(pins.NPM_FOR_NODE_24.version) };
    const lowerTools: Toolchain = { node: n22, npmCli: await npmCli(pins.NPM_FOR_NODE_22.version) };

    const { tarball } = await packInto(root);
    const newest = join(root, "newest");
    const lower = join(root, "lower");
    const typescripts = join(root, "typescripts");
    // The loopback mocks Bun, Deno and workerd call (this repository's Prism, on this Node).
    mocks = await Promise.all((["aiclicks", "ailabsaudit", "aiptx", "ayliea"] as const).map((vendor) => startMock(vendor)));
    const urls = JSON.stringify(Object.fromEntries(mocks.map((m) => [m.vendor, m.url])));

    const installs = await Promise.all([
      check(pins.NODE_24.name, `npm i <tarball> ${pins.NEWEST_PEERS.join(" ")}: no peer conflict, npm ls valid`, () => createProject(newest, newestTools, tarball, pins.NEWEST_PEERS)),
      check(pins.NODE_22.name, `npm i <tarball> ${pins.LOWER_PEERS.join(" ")}: no peer conflict, npm ls valid`, () => createProject(lower, lowerTools, tarball, pins.LOWER_PEERS)),
      check(pins.NODE_24.name, `npm i typescript@${pins.TYPESCRIPTS.join(", @")} side by side`, async () => {
        mkdirSync(typescripts);
        writeFileSync(join(typescripts, "package.json"), JSON.stringify({ private: true }));
        return npm(newestTools, ["install", "--no-audit", "--no-fund", ...pins.TYPESCRIPTS.map((v) => `typescript-${v}@npm:typescript@${v}`)], typescripts);
      }),
    ]);
    if (installs.includes(false)) return report(started);
    for (const dir of [newest, lower]) writeFileSync(join(dir, "mock-urls.json"), urls);
    const tscOf = (version: string) => join(typescripts, "node_modules", `typescript-${version}`, "bin/tsc");
    const [floor, ...lines] = pins.TYPESCRIPTS;
    const newestTs = lines.at(-1)!;

    // Type checks (strict, skipLibCheck false): the floor on the lower project (msw 2: msw 3's own
    // declarations need TypeScript 5.7+), every later line on the newest one. The newest TypeScript
    // and the floor also emit the JavaScript the runs below execute.
    let compiledNewest = false;
    let compiledLower = false;
    await pool([
      async () => {
        compiledNewest = await check(pins.NODE_24.name, `TypeScript ${newestTs}: compile the ESM apps (NodeNext), the Bun/Deno/workerd apps and the CommonJS consumer`, async () => {
          for (const config of ["tsconfig.nodenext.json", "tsconfig.matrix.json", "tsconfig.cjs.json"]) await tsc(n24, tscOf(newestTs), newest, config, true);
          const cjs = readFileSync(join(newest, "out-cjs/app-cjs.cjs"), "utf8");
          if (!cjs.includes('require("ai-vendor-contracts/testing/msw")')) throw new Error("app-cjs.cjs does not require() the MSW kit");
          return "no errors; app-cjs.cjs calls require()";
        });
      },
      async () => {
        compiledLower = await check(pins.NODE_22.name, `TypeScript ${floor} (the floor): compile the ESM apps (NodeNext) with msw 2`, async () => {
          await tsc(n22, tscOf(floor!), lower, "tsconfig.nodenext.json", true);
          return "no errors";
        });
      },
      () => check(pins.NODE_22.name, `TypeScript ${floor} (the floor): type-check the apps, Bundler resolution`, async () => (await tsc(n22, tscOf(floor!), lower, "tsconfig.bundler.json", false), "no errors")),
      ...lines.flatMap((version) =>
        ["nodenext", "bundler"]
          .filter((config) => version !== newestTs || config === "bundler")
          .map((config) => () => check(pins.NODE_24.name, `TypeScript ${version}: type-check the apps with msw 3, ${config === "nodenext" ? "NodeNext" : "Bundler"} resolution`, async () => (await tsc(n24, tscOf(version), newest, `tsconfig.${config}.json`, false), "no errors"))),
      ),
    ]);

    const runs: (() => Promise<unknown>)[] = [];
    if (compiledNewest) {
      for (const [pin, node] of [[pins.NODE_24, n24], [pins.NODE_26, n26]] as const) {
        runs.push(() => check(pin.name, "startMock with Prism 5.16.0: strict calls on every vendor", () => expectOutput(node, ["out-nodenext/app.js"], newest, "consumer app: all vendors OK")));
      }
      for (const [pin, node] of [[pins.NODE_22, n22], [pins.NODE_24, n24], [pins.NODE_26, n26]] as const) {
        runs.push(() => check(pin.name, "MSW kit with msw 3.0.5: example, override, 404, refusal, reset", () => expectOutput(node, ["out-nodenext/app-msw.js"], newest, "consumer msw app: OK")));
        runs.push(() => check(pin.name, "CommonJS: require() of every entry point, MSW kit call (msw 3)", async () => {
          await expectOutput(node, ["out-cjs/require-all.cjs"], newest, "require() loaded");
          return expectOutput(node, ["out-cjs/app-cjs.cjs"], newest, "consumer cjs app: OK");
        }));
      }
      runs.push(() => check(`Node ${process.versions.node} (system)`, "CommonJS: require() of every entry point, MSW kit call (msw 2)", async () => {
        // The same compiled CommonJS, in the project with msw 2 (msw 3 needs Node 22.12).
        cpSync(join(newest, "out-cjs"), join(lower, "out-cjs"), { recursive: true });
        await expectOutput(process.execPath, ["out-cjs/require-all.cjs"], lower, "require() loaded");
        return expectOutput(process.execPath, ["out-cjs/app-cjs.cjs"], lower, "consumer cjs app: OK");
      }));
      runs.push(() => check(pins.BUN.name, "strict calls on every vendor against loopback mocks", () => expectOutput(bunBin, ["out-matrix/run-calls.js"], newest, "strict calls: OK", n24)));
      runs.push(() => check(pins.DENO.name, "strict calls on every vendor against loopback mocks", () =>
        expectOutput(denoBin, ["run", "--allow-net=127.0.0.1", "--allow-read", "--allow-env", "out-matrix/run-calls.js"], newest, "strict calls: OK", n24)));
      runs.push(() => check(pins.WORKERD.name, "a Worker's strict calls on every vendor (validation on) against loopback mocks", async () => {
        await run(bin("esbuild"), ["out-matrix/worker.js", "--bundle", "--format=esm", "--platform=neutral", "--conditions=workerd,worker,browser", "--main-fields=module,main", "--outfile=worker.bundle.js", "--log-level=warning"], { cwd: newest });
        return expectOutput(workerdBin, ["test", "worker.capnp"], newest, "workerd strict calls: OK", n24);
      }));
    }
    if (compiledLower) {
      runs.push(() => check(pins.NODE_22.name, "startMock with Prism 5.14.2: strict calls on every vendor", () => expectOutput(n22, ["out-nodenext/app.js"], lower, "consumer app: all vendors OK")));
      runs.push(() => check(pins.NODE_22.name, "MSW kit with msw 2.15.0: example, override, 404, refusal, reset", () => expectOutput(n22, ["out-nodenext/app-msw.js"], lower, "consumer msw app: OK")));
    }
    await pool(runs);
    return report(started);
  } finally {
    await Promise.all(mocks.map((m) => m.stop()));
    rmSync(root, { recursive: true, force: true });
  }
}

function report(started: number): number {
  const failed = outcomes.filter((o) => !o.ok);
  console.log(`\nsupport matrix, ${outcomes.length} checks in ${((performance.now() - started) / 1000).toFixed(0)} s:`);
  console.log(`matrix: ${outcomes.length - failed.length} passed, ${failed.length} failed`);
  for (const o of failed) console.log(`  ✗ ${o.runtime}: ${o.check}`);
  return failed.length === 0 ? 0 : 1;
}

process.exit(await main());

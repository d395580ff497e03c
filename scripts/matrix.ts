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
import { createProject, envFor, type Toolchain } from "./matrix/project.js";
import { cachedInstall, cachedPackage, runtimeBinary, runtimeCache } from "./matrix/runtimes.js";
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
  run(node, [tscJs, "-p", config, "--pretty", "false", ...(emit ? [] : ["--noEmit"])], { cwd, env: envFor(node), timeoutMs: 600_000 });

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
    // The loopback mocks Bun, Deno and workerd call (this repository's Prism, on this Node).
    // Every one that started is stopped in `finally`, even when another failed to start.
    const starting = await Promise.allSettled((["aiclicks", "ailabsaudit", "aiptx", "ayliea"] as const).map((vendor) => startMock(vendor, { startTimeoutMs: 120_000 })));
    mocks = starting.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    for (const s of starting) if (s.status === "rejected") throw s.reason;
    const urls = JSON.stringify(Object.fromEntries(mocks.map((m) => [m.vendor, m.url])));

    const installs = await Promise.all([
      check(pins.NODE_24.name, `npm i <tarball> ${pins.NEWEST_PEERS.join(" ")}: no peer conflict, npm ls valid`, () => createProject(newest, newestTools, tarball, pins.NEWEST_PEERS)),
      check(pins.NODE_22.name, `npm i <tarball> ${pins.LOWER_PEERS.join(" ")}: no peer conflict, npm ls valid`, () => createProject(lower, lowerTools, tarball, pins.LOWER_PEERS)),
    ]);
    if (installs.includes(false)) return report(started);
    for (const dir of [newest, lower]) writeFileSync(join(dir, "mock-urls.json"), urls);
    // Each TypeScript installed once into the runtime cache, beside the projects' own.
    const tscPaths = new Map<string, string>();
    for (const version of pins.TYPESCRIPTS) tscPaths.set(version, join(await cachedInstall("typescript", version), "bin/tsc"));
    const tscOf = (version: string) => tscPaths.get(version)!;
    const [floor, ...lines] = pins.TYPESCRIPTS;
    const newestTs = lines.at(-1)!;

    // Type checks (strict, skipLibCheck false). The newest TypeScript compiles everything the runs
    // below execute on the newest project; 5.9 compiles the apps on the lower one (msw 2's own
    // declarations need more than the floor, through type-fest); the floor checks the app that
    // uses every entry but the MSW kit; 5.9 and 6 check the apps with msw 3 too.
    let compiledNewest = false;
    let compiledLower = false;
    await pool([
      async () => {
        compiledNewest = await check(pins.NODE_24.name, `TypeScript ${newestTs}: compile the ESM apps, the Bun/Deno/workerd apps and the CommonJS consumer (NodeNext)`, async () => {
          await tsc(n24, tscOf(newestTs), newest, "tsconfig.matrix.json", true);
          const cjs = readFileSync(join(newest, "out-nodenext/app-cjs.cjs"), "utf8");
          if (!cjs.includes('require("ai-vendor-contracts/testing/msw")')) throw new Error("app-cjs.cjs does not require() the MSW kit");
          return "no errors; app-cjs.cjs calls require()";
        });
      },
      async () => {
        compiledLower = await check(pins.NODE_22.name, "TypeScript 5.9.3: compile the ESM apps with msw 2 (NodeNext)", async () => (await tsc(n22, tscOf("5.9.3"), lower, "tsconfig.nodenext.json", true), "no errors"));
      },
      () => check(pins.NODE_22.name, `TypeScript ${floor} (the floor): type-check the app of every entry but the MSW kit`, async () => (await tsc(n22, tscOf(floor!), lower, "tsconfig.floor.json", false), "no errors")),
      () => check(pins.NODE_24.name, `TypeScript ${newestTs}: type-check the apps with msw 3, Bundler resolution`, async () => (await tsc(n24, tscOf(newestTs), newest, "tsconfig.bundler.json", false), "no errors")),
      ...lines
        .filter((version) => version !== newestTs)
        .map((version) => () => check(pins.NODE_24.name, `TypeScript ${version}: type-check the apps with msw 3 (NodeNext)`, async () => (await tsc(n24, tscOf(version), newest, "tsconfig.nodenext.json", false), "no errors"))),
    ]);

    const runs: (() => Promise<unknown>)[] = [];
    if (compiledNewest) {
      for (const [pin, node] of [[pins.NODE_24, n24], [pins.NODE_26, n26]] as const) {
        runs.push(() => check(pin.name, "startMock with Prism 5.16.0: strict calls on every vendor", () => expectOutput(node, ["out-nodenext/app.js"], newest, "consumer app: all vendors OK")));
      }
      for (const [pin, node] of [[pins.NODE_22, n22], [pins.NODE_24, n24], [pins.NODE_26, n26]] as const) {
        runs.push(() => check(pin.name, "MSW kit with msw 3.0.5: example, override, 404, refusal, reset", () => expectOutput(node, ["out-nodenext/app-msw.js"], newest, "consumer msw app: OK")));
        runs.push(() => check(pin.name, "CommonJS: require() of every entry point, MSW kit call (msw 3)", async () => {
          await expectOutput(node, ["out-nodenext/require-all.cjs"], newest, "require() loaded");
          return expectOutput(node, ["out-nodenext/app-cjs.cjs"], newest, "consumer cjs app: OK");
        }));
      }
      runs.push(() => check(`Node ${process.versions.node} (system)`, "CommonJS: require() of every entry point, MSW kit call (msw 2)", async () => {
        // The same compiled CommonJS, in the project with msw 2 (msw 3 needs Node 22.12).
        mkdirSync(join(lower, "out-nodenext"), { recursive: true });
        for (const file of ["require-all.cjs", "app-cjs.cjs"]) cpSync(join(newest, "out-nodenext", file), join(lower, "out-nodenext", file));
        await expectOutput(process.execPath, ["out-nodenext/require-all.cjs"], lower, "require() loaded");
        return expectOutput(process.execPath, ["out-nodenext/app-cjs.cjs"], lower, "consumer cjs app: OK");
      }));
      runs.push(() => check(pins.BUN.name, "strict calls on every vendor against loopback mocks", () => expectOutput(bunBin, ["out-nodenext/run-calls.js"], newest, "strict calls: OK", n24)));
      runs.push(() => check(pins.DENO.name, "strict calls on every vendor against loopback mocks", () =>
        expectOutput(denoBin, ["run", "--allow-net=127.0.0.1", "--allow-read", "--allow-env", "out-nodenext/run-calls.js"], newest, "strict calls: OK", n24)));
      runs.push(() => check(pins.WORKERD.name, "a Worker's strict calls on every vendor (validation on) against loopback mocks", async () => {
        await run(bin("esbuild"), ["out-nodenext/worker.js", "--bundle", "--format=esm", "--platform=neutral", "--conditions=workerd,worker,browser", "--main-fields=module,main", "--outfile=worker.bundle.js", "--log-level=warning"], { cwd: newest });
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

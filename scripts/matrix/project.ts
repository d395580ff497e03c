// One consumer project of the support matrix: a fresh folder, `npm install <tarball> <peers>` run
// by a given Node binary with its own npm (no flags), and the consumer fixtures copied in.
// The install must report no peer conflict, and `npm ls --all` must find the tree valid.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { entrypoints } from "../entrypoints.js";
import { repoRoot } from "../vendors.js";
import { run } from "../run.js";

export interface Toolchain {
  node: string;
  npmCli: string;
}

/** This process's environment without what `npm run` sets for our own package, the given Node first on PATH. */
export function envFor(node: string): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$|NODE_OPTIONS$)/i.test(key));
  return { ...Object.fromEntries(kept), PATH: `${dirname(node)}:${process.env.PATH ?? ""}` };
}

export const npm = (tools: Toolchain, args: string[], cwd: string, timeoutMs = 300_000) =>
  run(tools.node, [tools.npmCli, ...args], { cwd, env: envFor(tools.node), timeoutMs });

/** What npm prints when a peer range refuses what was asked for (or overrides it). */
const PEER_TROUBLE = /ERESOLVE|conflicting peer|peer dep|overriding peer|Could not resolve dependency/i;

export async function createProject(dir: string, tools: Toolchain, tarball: string, peers: string[]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer-app", private: true, type: "module" }, null, 2));
  const installed = await npm(tools, ["install", "--no-audit", "--no-fund", tarball, ...peers], dir);
  const trouble = installed.split("\n").filter((line) => PEER_TROUBLE.test(line));
  if (trouble.length) throw new Error(`npm install reported peer trouble:\n${trouble.join("\n")}`);
  await npm(tools, ["ls", "--all"], dir); // exits non-zero on a missing or invalid peer
  cpSync(join(repoRoot, "test/consumer/fixtures"), dir, { recursive: true });
  cpSync(join(repoRoot, "test/consumer/matrix"), dir, { recursive: true });
  writeFileSync(join(dir, "require-all.cts"), requireAll());
  // msw 3 renamed server.listen's onUnhandledRequest to onUnhandledFrame: the app a msw 3 user writes.
  if (peers.some((p) => p.startsWith("msw@3"))) {
    const app = join(dir, "app-msw.ts");
    writeFileSync(app, readFileSync(app, "utf8").replaceAll("onUnhandledRequest", "onUnhandledFrame"));
  }
  return installed.trim().split("\n").filter((l) => /added \d+ packages/.test(l)).join(" ");
}

/** A CommonJS module (.cts) with `import x = require()` of every entry point; prints how many loaded. */
function requireAll(): string {
  const names = entrypoints.map((entry) => `ai-vendor-contracts${entry.slice(1)}`);
  return [
    "// Written by scripts/matrix/project.ts: require() of every entry point of the package.",
    ...names.map((name, i) => `import e${i} = require(${JSON.stringify(name)});`),
    `const loaded: unknown[] = [${names.map((_, i) => `e${i}`).join(", ")}];`,
    `const empty = loaded.flatMap((m, i) => (m && Object.keys(m).length > 0 ? [] : [i]));`,
    `if (empty.length) throw new Error("entries that loaded empty: " + empty.join(", "));`,
    `console.log("require() loaded " + loaded.length + " entry points");`,
    "",
  ].join("\n");
}

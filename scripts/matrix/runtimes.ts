// Fetches a pinned runtime (or npm) from the npm registry once and keeps it unpacked in the
// runtime cache, so a second matrix run downloads nothing. The cache is
// $AVC_RUNTIME_CACHE, else $XDG_CACHE_HOME/ai-vendor-contracts/runtimes, else
// ~/.cache/ai-vendor-contracts/runtimes; one folder per <pkg>@<version>.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { run } from "../run.js";

export const runtimeCache =
  process.env.AVC_RUNTIME_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "ai-vendor-contracts", "runtimes");

/** The unpacked package folder for pkg@version, fetched with `npm pack` when it is not cached yet. */
export async function cachedPackage(pkg: string, version: string): Promise<{ dir: string; fetched: boolean }> {
  const dir = join(runtimeCache, `${pkg.replace("/", "+")}@${version}`);
  if (existsSync(join(dir, "package.json"))) return { dir, fetched: false };
  mkdirSync(runtimeCache, { recursive: true });
  // Unpack beside the target and rename at the end, so an interrupted fetch never looks cached.
  const staging = mkdtempSync(join(runtimeCache, ".fetch-"));
  try {
    const output = await run("npm", ["pack", `${pkg}@${version}`, "--silent", "--pack-destination", staging], { cwd: staging });
    const tarball = join(staging, output.trim().split("\n").pop()!);
    await run("tar", ["-xzf", tarball, "-C", staging], { cwd: staging });
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(staging, "package"), dir);
    return { dir, fetched: true };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Absolute path of a pinned runtime's binary, fetched into the cache first if needed. */
export async function runtimeBinary(pin: { pkg: string; version: string; bin: string }): Promise<string> {
  const { dir, fetched } = await cachedPackage(pin.pkg, pin.version);
  if (fetched) console.log(`  fetched ${pin.pkg}@${pin.version} into ${dir}`);
  return join(dir, pin.bin);
}

/**
 * A package installed with its dependencies (TypeScript 7 brings its native compiler as an
 * optional dependency) into its own cached folder; returns the folder of node_modules/<pkg>.
 */
export async function cachedInstall(pkg: string, version: string): Promise<string> {
  const prefix = join(runtimeCache, `${pkg.replace("/", "+")}@${version}+deps`);
  const installed = join(prefix, "node_modules", pkg);
  if (existsSync(join(prefix, ".complete"))) return installed;
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, "package.json"), JSON.stringify({ private: true }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", `${pkg}@${version}`], { cwd: prefix });
  writeFileSync(join(prefix, ".complete"), "");
  console.log(`  fetched ${pkg}@${version} with its dependencies into ${prefix}`);
  return installed;
}

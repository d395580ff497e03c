// Runs the CLI from source as a child process (as `npx ai-vendor-contracts` would run it).
import { spawn } from "node:child_process";

// tsx resolved here, so the CLI also runs with a working directory outside the repository.
export const CLI = ["--import", import.meta.resolve("tsx"), new URL("../../src/cli/index.ts", import.meta.url).pathname];

/**
 * `hide`: optional peer dependencies the child cannot resolve, as if never installed;
 * `cwd`: the working directory (e.g. a scratch git repository).
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  { hide = [], cwd }: { hide?: string[]; cwd?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const preload = hide.length ? ["--import", new URL("./fixtures/hide-packages.mjs", import.meta.url).pathname] : [];
  if (hide.length) env = { ...env, HIDE_PACKAGES: hide.join(",") };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...preload, ...CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

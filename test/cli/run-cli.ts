// Runs the CLI from source as a child process (as `npx ai-vendor-contracts` would run it).
import { spawn } from "node:child_process";

// tsx resolved here, so the CLI also runs with a working directory outside the repository.
export const CLI = ["--import", import.meta.resolve("tsx"), new URL("../../src/cli/index.ts", import.meta.url).pathname];

export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

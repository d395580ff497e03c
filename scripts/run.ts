// Runs a command and returns its output; on failure the error carries everything the command printed.
import { spawn } from "node:child_process";
import { repoRoot } from "./vendors.js";

export interface RunOptions {
  cwd?: string;
  /** The whole environment of the command (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Kill the command (SIGKILL) after this long; it then fails as any other exit would. */
  timeoutMs?: number;
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...(options.env ?? process.env), FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`${command} ${args.join(" ")} exited with ${code}`), { output }));
    });
  });
}

export const bin = (name: string) => `${repoRoot}/node_modules/.bin/${name}`;

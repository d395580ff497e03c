// Looks at processes from outside, as a user's shell would: which one carries an argument, and
// whether it is still there (a zombie no one reaps counts as gone).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Pids of the processes whose command line contains `needle`; waits until there is one. */
export async function pidsWithArg(needle: string): Promise<number[]> {
  for (;;) {
    const pids = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes(needle) && !line.includes("ps -eo"))
      .map((line) => Number.parseInt(line.trim(), 10));
    if (pids.length) return pids;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Resolves once every pid has gone; a test's own timeout bounds the wait. */
export async function gone(pids: number[]): Promise<void> {
  while (pids.some(alive)) await new Promise((r) => setTimeout(r, 50));
}

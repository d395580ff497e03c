// Prism never outlives what started it: a host that stops its mock exits by itself, a host ended by
// SIGTERM, SIGINT or SIGHUP takes Prism (and its port) with it and still ends by that signal, a
// host killed by SIGKILL takes it too, and a Prism
// that dies while starting fails the start at once, saying how it died and what it printed.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, portInUse, startPrism } from "../../src/testing/prism-process.js";
import { gone, pidsWithArg } from "./processes.js";

const HOST = new URL("./mock-host.ts", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "prism-lifecycle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startHost(mode: "stop" | "serve") {
  const child = spawn(process.execPath, ["--import", "tsx", HOST, mode], { stdio: ["ignore", "pipe", "inherit"] });
  const lines: string[] = [];
  let buffered = "";
  child.stdout.on("data", (chunk) => {
    const parts = (buffered + chunk).split("\n");
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on("data", () => {
      const ready = lines.find((l) => l.startsWith("ready "));
      if (ready) resolve(Number(ready.slice(6)));
    });
    child.once("exit", () => reject(new Error(`host exited before its mock was ready: ${lines.join("\n")}`)));
  });
  return { child, lines, port, exit: once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]> };
}

describe("Prism process lifetime", () => {
  it("a host that stops its mock has nothing left keeping Node alive and exits by itself", async () => {
    const host = startHost("stop");
    await host.port;
    const [code, signal] = await host.exit;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(host.lines.slice(1)).toEqual(["alive after stop: []"]);
  }, 60_000);

  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("a host ended by %s takes Prism and its port with it, and ends by that signal", async (sent) => {
    const host = startHost("serve");
    const port = await host.port;
    const prism = await pidsWithArg(`-p ${port}`);
    host.child.kill(sent);
    const [code, signal] = await host.exit;
    expect({ code, signal }).toEqual({ code: null, signal: sent });
    await gone(prism);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 60_000);

  it("a host killed by SIGKILL (no handler can run) still takes Prism and its port with it", async () => {
    const host = startHost("serve");
    const port = await host.port;
    const prism = await pidsWithArg(`-p ${port}`);
    host.child.kill("SIGKILL");
    const [code, signal] = await host.exit;
    expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
    await gone(prism);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(await portInUse(port)).toBe(false);
  }, 60_000);

  it("a Prism killed while starting fails the start at once, not after the start timeout", async () => {
    // A spec behind a FIFO no one writes to: Prism waits on it for ever, alive but never answering.
    const fifo = join(dir, "never-written.json");
    execFileSync("mkfifo", [fifo]);
    const start = startPrism("fifo", ["mock", fifo], await freePort(), 10 * 60_000);
    const [pid] = await pidsWithArg(`mock ${fifo}`);
    process.kill(pid!, "SIGKILL");
    await expect(start).rejects.toThrow(/^Prism \(fifo\) was killed by SIGKILL before answering on http:\/\/127\.0\.0\.1:\d+\.$/);
  });

  it("a Prism that exits while starting fails the start with its exit code and the end of its output", async () => {
    const spec = join(dir, "broken.yaml");
    writeFileSync(spec, "openapi: [unclosed\n");
    const start = startPrism("broken", ["mock", spec], await freePort(), 10 * 60_000);
    await expect(start).rejects.toThrow(/exited with code 1 before answering[\s\S]*stderr \(last lines\):[\s\S]*Error parsing/);
  });
});

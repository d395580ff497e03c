// `mock` serves the shipped specs until Ctrl-C (or SIGHUP), then leaves nothing running; even a
// SIGKILL of the CLI, which no handler sees, leaves no Prism behind.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { gone, pidsWithArg } from "../testing/processes.js";
import { CLI, runCli } from "./run-cli.js";

function startCli(args: string[]) {
  const child = spawn(process.execPath, [...CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stdout += c));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => stdout.includes("Ctrl-C") && resolve(stdout)); // later calls are no-ops
    child.once("exit", (code) => reject(new Error(`CLI exited with ${code}: ${stdout}`)));
  });
  return { child, ready, output: () => stdout };
}

describe("ai-vendor-contracts mock", () => {
  it("prints the mock's URL, serves the spec there, and stops cleanly on Ctrl-C (vendor in any case)", async () => {
    const cli = startCli(["mock", "AIclicks"]);
    const printed = await cli.ready;
    const url = /aiclicks\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)![1]!;
    const answer = await fetch(`${url}/api/v1/domains`, { headers: { authorization: "Bearer ak_live_x" } });
    expect(answer.status).toBe(200);
    expect((await answer.json()).data.items.length).toBeGreaterThan(0);
    cli.child.kill("SIGINT");
    const [code] = await once(cli.child, "exit");
    expect(code).toBe(0);
    expect(cli.output()).toContain("Mocks stopped.");
    await expect(fetch(url)).rejects.toThrow();
  }, 60_000);

  it("stops its mocks on SIGHUP (terminal closed) as on Ctrl-C", async () => {
    const cli = startCli(["mock", "ayliea"]);
    const url = /ayliea\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(await cli.ready)![1]!;
    cli.child.kill("SIGHUP");
    const [code] = await once(cli.child, "exit");
    expect(code).toBe(0);
    expect(cli.output()).toContain("Mocks stopped.");
    await expect(fetch(url)).rejects.toThrow();
  }, 60_000);

  it("killed by SIGKILL, it still takes its mock and the mock's port with it", async () => {
    const cli = startCli(["mock", "ayliea"]);
    const port = Number(/ayliea\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(await cli.ready)![1]);
    const prism = await pidsWithArg(`-p ${port}`);
    cli.child.kill("SIGKILL");
    await once(cli.child, "exit");
    await gone(prism);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 60_000);

  it("--all starts one mock per vendor on consecutive ports", async () => {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const cli = startCli(["mock", "--all", "--port", String(base)]);
    const printed = await cli.ready;
    for (const [i, vendor] of ["aiclicks", "ailabsaudit", "aiptx", "ayliea"].entries()) {
      expect(printed).toMatch(new RegExp(`${vendor}\\s+http://127\\.0\\.0\\.1:${base + i}`));
    }
    cli.child.kill("SIGINT");
    expect((await once(cli.child, "exit"))[0]).toBe(0);
  }, 90_000);

  it("a port in use is refused with a message that says so", async () => {
    const cli = startCli(["mock", "ayliea"]);
    const port = /(\d+)\s*$/m.exec((await cli.ready).split("\n")[0]!)![1]!;
    const second = await runCli(["mock", "ayliea", "--port", port]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    cli.child.kill("SIGINT");
    await once(cli.child, "exit");
  }, 60_000);
});

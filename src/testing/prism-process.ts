// One Prism process on 127.0.0.1: spawned in its own process group, resolved once it answers
// HTTP, and always ended — by `stop()`, or when this process exits.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

export interface PrismProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

function prismEntry(): string {
  try {
    return require.resolve("@stoplight/prism-cli/dist/index.js");
  } catch {
    throw new Error(
      "Prism is not installed. Add it next to this package: npm install --save-dev @stoplight/prism-cli@5.14.2 (5.14.2 is the last release that runs on Node 20).",
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, signal); // the whole group: Prism may fork workers
  } catch {
    child.kill(signal);
  }
}

/** `args` are Prism's own (`mock <spec> …` or `proxy <spec> <upstream> …`); host and port are added. */
export async function startPrism(label: string, args: string[], port: number, startTimeoutMs = 30_000): Promise<PrismProcess> {
  const child = spawn(process.execPath, [prismEntry(), ...args, "-h", "127.0.0.1", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => running.forEach((c) => kill(c, "SIGKILL")));
  }
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    kill(child, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    kill(child, "SIGKILL");
    running.delete(child);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(child);
      throw new Error(`Prism (${label}) exited with code ${child.exitCode} before answering:\n${output}`);
    }
    try {
      // Any HTTP answer (a 404 for this made-up path) means Prism is up.
      await fetch(`${url}/__prism_ready__`, { signal: AbortSignal.timeout(1000) });
      return { url, port, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Prism (${label}) did not answer on ${url} within ${startTimeoutMs} ms:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

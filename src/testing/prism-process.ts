// One Prism process on 127.0.0.1: spawned in its own process group, resolved once it answers
// HTTP, and always ended — by `stop()`, by the exit of this process, by a SIGTERM/SIGINT/SIGHUP
// that this process has no handler of its own for, and by whatever else ends this process
// (SIGKILL, a crash): Prism watches a pipe from us and ends its group when that pipe closes.
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
      "Prism is not installed. Add it next to this package: npm install --save-dev @stoplight/prism-cli " +
        "(on Node 20 or 22: @stoplight/prism-cli@5.14.2; 5.15 and later need Node 24).",
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
const SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;

/**
 * Loaded into Prism's own Node process (--import): its stdin is a pipe from this process, which
 * the kernel closes however this process ends, even by SIGKILL. Then Prism kills its process
 * group (itself and anything it forked). The pipe is unref'd, so it never keeps a Prism that is
 * done (a spec it cannot read) from exiting. A data: URL, so nothing has to be found on disk.
 */
const WATCH_PARENT =
  "data:text/javascript," +
  encodeURIComponent(
    'const end = () => { try { process.kill(-process.pid, "SIGKILL"); } catch { process.kill(process.pid, "SIGKILL"); } };' +
      'process.stdin.on("end", end); process.stdin.on("close", end); process.stdin.on("error", end); process.stdin.resume(); process.stdin.unref?.();',
  );

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, signal); // the whole group: Prism may fork workers
  } catch {
    child.kill(signal);
  }
}

const killAll = () => running.forEach((c) => kill(c, "SIGKILL"));

// Prism runs detached, so a signal to this process never reaches it. A listener on a signal
// replaces Node's default (exit), so ours acts only when no one else listens: it kills the mocks
// and re-raises the signal, so the process still ends by it and the host's exit code stands.
// When another listener exists, the host has taken charge of the signal (and `exit` still cleans up).
function onSignal(signal: NodeJS.Signals) {
  if (process.listenerCount(signal) > 1) return;
  killAll();
  release();
  process.kill(process.pid, signal);
}

function hold(child: ChildProcess) {
  if (running.size === 0) {
    process.on("exit", killAll);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  running.add(child);
}

function release(child?: ChildProcess) {
  if (child) running.delete(child);
  if (child && running.size > 0) return;
  process.off("exit", killAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** `args` are Prism's own (`mock <spec> …` or `proxy <spec> <upstream> …`); host and port are added. */
export async function startPrism(label: string, args: string[], port: number, startTimeoutMs = 30_000): Promise<PrismProcess> {
  const child = spawn(process.execPath, ["--import", WATCH_PARENT, prismEntry(), ...args, "-h", "127.0.0.1", "-p", String(port)], {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  hold(child);
  let output = "";
  let errors = "";
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  // Settles when the child is gone, whatever ended it (an exit code, a signal, a failed spawn);
  // on "close", so its last output has arrived.
  const exited = new Promise<string>((resolve) => {
    child.once("close", (code, signal) => resolve(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    child.once("error", (error) => resolve(`could not start (${error.message})`));
  });
  exited.then(() => {
    child.stdin!.destroy(); // the watched pipe: nothing more to say through it
    release(child);
  });
  const stop = async () => {
    kill(child, "SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer); // an armed timer would keep the host alive for 5 s after stop()
    kill(child, "SIGKILL");
    await exited;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  const died = exited.then((how) => new Error(`Prism (${label}) ${how} before answering on ${url}.${tails(errors, output)}`));
  for (;;) {
    // Any HTTP answer (a 404 for this made-up path) means Prism is up.
    const probe = fetch(`${url}/__prism_ready__`, { signal: AbortSignal.timeout(1000) }).then(
      async (response) => (await response.body?.cancel(), true),
      () => false,
    );
    const outcome = await Promise.race([probe, died]);
    if (outcome instanceof Error) throw outcome;
    if (outcome) return { url, port, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism (${label}) did not answer on ${url} within ${startTimeoutMs} ms.${tails(errors, output)}`);
    }
    let timer: NodeJS.Timeout | undefined;
    const pause = new Promise<false>((r) => (timer = setTimeout(() => r(false), 150)));
    const waited = await Promise.race([pause, died]);
    clearTimeout(timer);
    if (waited instanceof Error) throw waited;
  }
}

// Prism prints its fatal line on stdout and the error object on stderr: both explain a failed start.
function tails(stderr: string, stdout: string): string {
  const last = (name: string, text: string, lines: number) =>
    text.trim() ? `\n${name} (last lines):\n${text.trim().split("\n").slice(-lines).join("\n")}` : "";
  return last("stderr", stderr, 15) + last("stdout", stdout, 5);
}

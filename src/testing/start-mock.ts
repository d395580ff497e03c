// Starts a Prism mock of a vendor's shipped spec on 127.0.0.1 and resolves once it answers.
// `stop()` always ends the process (and its children); so does the exit of this process.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export type VendorName = "aiclicks" | "ailabsaudit" | "aiptx" | "ayliea" | (string & {});

const generatedRoot = new URL("../../generated/", import.meta.url);

/** Every vendor whose bundled spec ships with the package. */
export function listMockVendors(): string[] {
  return readdirSync(generatedRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/openapi.json`, generatedRoot)))
    .map((entry) => entry.name)
    .sort();
}

export interface MockOptions {
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Answer with data generated from the schemas instead of the spec's examples. */
  dynamic?: boolean;
  /** Seed for dynamic answers, so runs repeat. */
  seed?: string | number;
  /** Milliseconds to wait for Prism to answer. Default 30 000. */
  startTimeoutMs?: number;
}

export interface RunningMock {
  vendor: VendorName;
  /** `http://127.0.0.1:<port>`: use it as the client's baseUrl. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The bundled spec shipped with the package. */
export function specPath(vendor: VendorName): string {
  // Same relative place in the sources and in dist/ (compile copies the bundles there).
  return fileURLToPath(new URL(`${vendor}/openapi.json`, generatedRoot));
}

function freePort(): Promise<number> {
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

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, "SIGTERM"); // the whole group: Prism may fork
  } catch {
    child.kill("SIGTERM");
  }
}

export async function startMock(vendor: VendorName, options: MockOptions = {}): Promise<RunningMock> {
  const known = listMockVendors();
  if (!known.includes(vendor)) throw new Error(`Unknown vendor "${vendor}". Known vendors: ${known.join(", ")}.`);
  const spec = specPath(vendor);
  if (options.port !== undefined) {
    if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
      throw new Error(`port must be a whole number from 1 to 65535, got ${options.port}.`);
    }
    if (await portInUse(options.port)) {
      throw new Error(`Port ${options.port} on 127.0.0.1 is already in use; pick another port or omit it for a free one.`);
    }
  }
  const port = options.port ?? (await freePort());
  const args = [require.resolve("@stoplight/prism-cli/dist/index.js"), "mock", spec, "-h", "127.0.0.1", "-p", String(port), "--errors"];
  if (options.dynamic) args.push("--dynamic");
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => running.forEach(kill));
  }
  let output = "";
  child.stdout!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    kill(child);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    }
    running.delete(child);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(child);
      throw new Error(`Prism for ${vendor} exited with code ${child.exitCode} before answering:\n${output}`);
    }
    try {
      await fetch(`${url}/__prism_ready__`, { signal: AbortSignal.timeout(1000) });
      return { vendor, url, port, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Prism for ${vendor} did not answer on ${url} within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

// Starts a Prism mock of a vendor's shipped spec on 127.0.0.1 and resolves once it answers.
// `stop()` always ends the process (and its children); so does the exit of this process.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort, portInUse, startPrism } from "./prism-process.js";
import { generatedRoot } from "./package-root.js";

export type VendorName = "aiclicks" | "ailabsaudit" | "aiptx" | "ayliea" | (string & {});

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
  vendor: string;
  /** `http://127.0.0.1:<port>`: use it as the client's baseUrl. */
  url: string;
  port: number;
  stop(): Promise<void>;
}


/** Every vendor whose bundled spec ships with the package. */
export function listMockVendors(): string[] {
  return readdirSync(generatedRoot(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/openapi.json`, generatedRoot())))
    .map((entry) => entry.name)
    .sort();
}

/** The bundled spec shipped with the package. */
export function specPath(vendor: VendorName): string {
  return fileURLToPath(new URL(`${vendor}/openapi.json`, generatedRoot()));
}

/** Throws, naming the known vendors, unless `vendor` ships a spec. */
export function checkVendor(vendor: string): void {
  const known = listMockVendors();
  if (!known.includes(vendor)) throw new Error(`Unknown vendor "${vendor}". Known vendors: ${known.join(", ")}.`);
}

/** Throws unless `port` is a valid port that nothing on 127.0.0.1 listens on. */
export async function checkPort(port: number): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`port must be a whole number from 1 to 65535, got ${port}.`);
  }
  if (await portInUse(port)) {
    throw new Error(`Port ${port} on 127.0.0.1 is already in use; pick another port or omit it for a free one.`);
  }
}

export async function startMock(vendor: VendorName, options: MockOptions = {}): Promise<RunningMock> {
  checkVendor(vendor);
  if (options.port !== undefined) await checkPort(options.port);
  const port = options.port ?? (await freePort());
  const args = ["mock", specPath(vendor), "--errors"];
  if (options.dynamic) args.push("--dynamic");
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  const prism = await startPrism(`${vendor} mock`, args, port, options.startTimeoutMs);
  return { vendor, ...prism };
}

// The package's own version, read from its package.json, wherever the CLI's code was bundled to.
import { readFileSync } from "node:fs";
import { packageRoot } from "../testing/package-root.js";

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL("package.json", packageRoot()), "utf8")) as { version: string }).version;
}

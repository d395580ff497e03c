// The package's own version, read from its package.json: two levels up in the sources
// (src/cli/), three in the build (dist/src/cli/).
import { existsSync, readFileSync } from "node:fs";

export function packageVersion(): string {
  for (const up of ["../../package.json", "../../../package.json"]) {
    const file = new URL(up, import.meta.url);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "ai-vendor-contracts" && pkg.version) return pkg.version;
  }
  throw new Error("cannot find the package.json of ai-vendor-contracts next to the CLI; reinstall the package.");
}

// The package's own directory, found from wherever this code runs: the sources (src/testing/), or
// the build, where the bundler may have moved this code into a shared chunk at another depth
// (scripts/bundle-dist.ts). The bundled specs and package.json are found from here.
import { existsSync, readFileSync } from "node:fs";

let root: URL | undefined;

export function packageRoot(): URL {
  if (root) return root;
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    const manifest = new URL("package.json", dir);
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "ai-vendor-contracts") return (root = dir);
    if (dir.pathname === "/") {
      throw new Error("cannot find the package.json of ai-vendor-contracts above its own code; reinstall the package.");
    }
  }
}

/** The directory of the bundled specs: generated/ in the sources, dist/generated/ in the build. */
export function generatedRoot(): URL {
  const build = new URL("dist/", packageRoot());
  // The build's own code runs from dist/ (an installed package has nothing else); the sources' from src/.
  return new URL(import.meta.url.startsWith(build.href) ? "dist/generated/" : "generated/", packageRoot());
}

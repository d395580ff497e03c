// The dist bundler's guards, watched catching what they exist for: two core modules exporting one
// name (which `export *` would silently drop) and a core class the bundler renames (which would
// change an error's name), beside a faithful tree whose entry loads the one core module; and
// openapi-fetch compiled into the core module with its license (it is no longer a dependency,
// so an import of it left behind would fail in a consumer's install).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { bundleDist } from "../../scripts/bundle-dist.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A staging tree as tsc leaves it: a root entry, one vendor entry, and the given core modules. */
function tree(core: Record<string, string>, vendorEntry: string) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "avc-bundle-test-")));
  made.push(root);
  const files: Record<string, string> = {
    "staging/src/index.js": 'export { VendorError } from "./core/errors.js";',
    "staging/src/v1/index.js": vendorEntry,
    ...Object.fromEntries(Object.entries(core).map(([name, text]) => [`staging/src/core/${name}`, text])),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const layout = { staging: join(root, "staging"), dist: join(root, "dist"), vendors: ["v1"], entries: ["src/index", "src/v1/index"] };
  return { layout, dist: layout.dist };
}

const errors = "export class VendorError extends Error { constructor(m) { super(m); this.name = new.target.name; } }";

describe("bundleDist", () => {
  it("a faithful tree: the vendor entry imports the one core module, and error names survive", async () => {
    const { layout, dist } = tree(
      { "errors.js": errors, "client.js": 'import { VendorError } from "./errors.js"; export const fail = () => new VendorError("no");' },
      'export { fail } from "../core/client.js"; export { VendorError } from "../core/errors.js";',
    );
    await bundleDist(layout);
    expect(readFileSync(`${dist}/src/v1/index.js`, "utf8")).toMatch(/from ?"\.\.\/core\/index\.js"/);
    const vendor = (await import(pathToFileURL(`${dist}/src/v1/index.js`).href)) as { fail: () => Error; VendorError: new (m: string) => Error };
    const root = (await import(pathToFileURL(`${dist}/src/index.js`).href)) as { VendorError: unknown };
    expect(vendor.fail()).toBeInstanceOf(root.VendorError as never);
    expect(vendor.fail().name).toBe("VendorError");
  });

  it("a lazy core module that imports an eager one imports the core module: no chunk loads with the core", async () => {
    const { layout, dist } = tree(
      {
        "errors.js": errors,
        "client.js": 'export const later = async () => (await import("./later.js")).fail();',
        "later.js": 'import { VendorError } from "./errors.js"; export const fail = () => new VendorError("later");',
      },
      'export { later } from "../core/client.js"; export { VendorError } from "../core/errors.js";',
    );
    await bundleDist(layout);
    const core = readFileSync(`${dist}/src/core/index.js`, "utf8");
    // The core module imports nothing statically (no shared chunk split out of it).
    expect(core).not.toMatch(/^import\b|[;}]import ?[{*]/m);
    const chunks = readdirSync(`${dist}/src/chunks`);
    expect(chunks).toHaveLength(1);
    expect(readFileSync(`${dist}/src/chunks/${chunks[0]}`, "utf8")).toMatch(/from ?"\.\.\/core\/index\.js"/);
    const vendor = (await import(pathToFileURL(`${dist}/src/v1/index.js`).href)) as { later: () => Promise<Error>; VendorError: new (m: string) => Error };
    expect(await vendor.later()).toBeInstanceOf(vendor.VendorError);
  });

  it("openapi-fetch is compiled into the core module, under its license; no other output carries the notice", async () => {
    const { layout, dist } = tree(
      {
        "errors.js": errors,
        "client.js": 'import createFetchClient from "openapi-fetch"; export const make = () => createFetchClient({ baseUrl: "https://x.test" }); export const later = () => import("./later.js");',
        "later.js": "export const value = 1;",
      },
      'export { make, later } from "../core/client.js"; export { VendorError } from "../core/errors.js";',
    );
    await bundleDist(layout);
    const core = readFileSync(`${dist}/src/core/index.js`, "utf8");
    expect(core).not.toMatch(/["']openapi-fetch["']/);
    expect(core).toMatch(/^\/\*! This module includes openapi-fetch \d+\.\d+\.\d+, under its license:\n\nMIT License\n\nCopyright \(c\) 2023 Drew Powers\n/);
    // The bundle's comments name the package, not a path on the build machine.
    expect(core).toContain("// inlined:openapi-fetch/dist/index.mjs");
    expect(core).not.toContain("node_modules");
    for (const chunk of readdirSync(`${dist}/src/chunks`)) expect(readFileSync(`${dist}/src/chunks/${chunk}`, "utf8")).not.toContain("openapi-fetch");
    expect(readFileSync(`${dist}/src/v1/index.js`, "utf8")).not.toContain("openapi-fetch");
    const vendor = (await import(pathToFileURL(`${dist}/src/v1/index.js`).href)) as { make: () => { GET: unknown } };
    expect(typeof vendor.make().GET).toBe("function");
  });

  it("two core modules exporting one name fail the build, naming both", async () => {
    const { layout } = tree(
      { "errors.js": errors, "a.js": "export const limit = 1;", "b.js": "export const limit = 2;" },
      'export { limit } from "../core/a.js"; export { limit as other } from "../core/b.js"; export { VendorError } from "../core/errors.js";',
    );
    await expect(bundleDist(layout)).rejects.toThrow(/two core modules export the same name; rename one:\n {2}limit \(src\/core\/a\.js, src\/core\/b\.js\)/);
  });

  it("a core class the bundler has to rename fails the build, naming it", async () => {
    const { layout } = tree(
      // Declared before errors.js in the barrel, its own VendorError keeps the name: the exported one is renamed.
      { "errors.js": errors, "a-other.js": "class VendorError {} export const other = () => new VendorError();" },
      'export { other } from "../core/a-other.js"; export { VendorError } from "../core/errors.js";',
    );
    await expect(bundleDist(layout)).rejects.toThrow(/the bundler renamed core classes .*: VendorError/);
  });
});

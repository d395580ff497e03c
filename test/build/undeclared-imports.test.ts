// The check that no shipped file imports a package a consumer's install lacks (run by
// `npm run check:package`), watched catching each form of such an import, and passing the real
// dist/ against the real package.json.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ensureFreshDist } from "../../scripts/dist.js";
import { packageOf, shippedFiles, undeclaredImports } from "../../scripts/undeclared-imports.js";
import { repoRoot } from "../../scripts/vendors.js";

const manifest = { name: "ai-vendor-contracts", dependencies: { zod: "^4" }, peerDependencies: { "@opentelemetry/api": "^1", msw: "^2" } };
const check = (text: string, path = "dist/src/x.js") => undeclaredImports([{ path, text }], manifest);

describe("undeclaredImports", () => {
  it("accepts dependencies, peers, Node builtins, the package itself and relative files", () => {
    const text = [
      'import { z } from "zod";',
      'import * as v4 from "zod/v4/core";',
      'const otel = () => import("@opentelemetry/api");',
      'export const setup = () => import("msw/node");',
      'import { readFileSync } from "node:fs";',
      'import { join } from "path";',
      'export * from "ai-vendor-contracts/aiclicks";',
      'import { VendorError } from "../core/index.js";',
    ].join("\n");
    expect(check(text)).toEqual([]);
  });

  it.each([
    ["a static import", 'import createClient from "openapi-fetch";', "openapi-fetch"],
    ["a dynamic import", 'const later = () => import("openapi-fetch");', "openapi-fetch"],
    ["a re-export", 'export { default } from "yaml";', "yaml"],
    ["a declaration's type import", 'import type { Client } from "openapi-fetch";', "openapi-fetch"],
    ["an inline import type", 'export declare const c: import("@scope/types").Client;', "@scope/types"],
    ["a type reference directive", '/// <reference types="node" />\nexport {};', "node"],
  ])("refuses %s of an undeclared package, naming the file and the specifier", (_form, text, specifier) => {
    expect(check(text, "dist/src/core/index.d.ts")).toEqual([`dist/src/core/index.d.ts: ${specifier}`]);
  });

  it("names the package of a scoped or deep specifier", () => {
    expect(packageOf("@opentelemetry/api/build/x")).toBe("@opentelemetry/api");
    expect(packageOf("zod/v4/core")).toBe("zod");
  });

  it("the built dist/ imports nothing the package's install lacks", async () => {
    await ensureFreshDist();
    const files = shippedFiles(`${repoRoot}/dist`);
    expect(files.length).toBeGreaterThan(50);
    expect(undeclaredImports(files, JSON.parse(readFileSync(`${repoRoot}/package.json`, "utf8")) as typeof manifest)).toEqual([]);
  });
});

// The packages the shipped files import (JavaScript and declarations; static, dynamic and type
// imports) that a consumer's install does not bring: anything but a dependency, a peer dependency
// (the optional ones load lazily and name what to install when missing), a Node builtin or the
// package itself. A bare import of a devDependency works in this repository and fails in a
// consumer's project, as openapi-fetch would now that it is compiled into the core module.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import ts from "typescript";

export interface ShippedFile {
  /** Path inside the package, for the report. */
  path: string;
  text: string;
}

export interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
export const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

const builtins = new Set(builtinModules);

/** Each import of an undeclared package, as `file: specifier`, in file order. */
export function undeclaredImports(files: readonly ShippedFile[], manifest: Manifest): string[] {
  const declared = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const found: string[] = [];
  for (const { path, text } of files) {
    const { importedFiles, typeReferenceDirectives } = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of [...importedFiles, ...typeReferenceDirectives]) {
      if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:") || builtins.has(specifier)) continue;
      if (!declared.has(packageOf(specifier))) found.push(`${path}: ${specifier}`);
    }
  }
  return found;
}

/** The JavaScript and declaration files of a built dist/ (what the tarball ships of it; source maps import nothing). */
export const shippedFiles = (dist: string): ShippedFile[] =>
  readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(js|d\.ts)$/.test(file))
    .map((file) => ({ path: `dist/${file}`, text: readFileSync(`${dist}/${file}`, "utf8") }));

// `--since <ref>`: the bundled spec of a vendor as committed at a git ref, beside the one in the
// working tree — the bundled generated/<vendor>/openapi.json carries no file $refs to follow.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../args.js";
import { dereference, loadSpecFile, parseDocument, type Json } from "./load-spec.js";

function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? "").trim();
    throw new UsageError(`git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

export function repositoryRoot(cwd: string): string {
  const root = git(["rev-parse", "--show-toplevel"], cwd).trim();
  if (!existsSync(join(root, "generated"))) {
    throw new UsageError(`--since works inside a clone of ai-vendor-contracts; ${root} has no generated/ folder`);
  }
  return root;
}

export function vendorsIn(root: string): string[] {
  return readdirSync(join(root, "generated")).filter((v) => existsSync(join(root, "generated", v, "openapi.json")));
}

/** The vendor's bundled spec at `ref` and in the working tree, both dereferenced. */
export function specsSince(root: string, vendor: string, ref: string): { before: Json; after: Json } {
  const file = `generated/${vendor}/openapi.json`;
  const text = git(["show", `${ref}:${file}`], root);
  const noFiles = () => {
    throw new UsageError(`${ref}:${file} refers to another file; only a bundled spec can be read from git`);
  };
  return { before: dereference(parseDocument(text, file), join(root, file), noFiles), after: loadSpecFile(join(root, file)) };
}

// Reads an OpenAPI document (JSON or YAML, one file or many) and resolves every `$ref` — local
// pointers and relative files — so the rules compare what a consumer's types are made of, not
// how the spec happens to be split. Recursive schemas stay recursive (shared objects), never loop.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { UsageError } from "../args.js";

export type Json = unknown;

/** Parses a document's text: JSON when it is JSON, else YAML (a superset); Markdown and other text stay strings. */
export function parseDocument(text: string, name: string): Json {
  if (/\.(md|markdown|txt)$/i.test(name)) return text;
  try {
    return /^\s*[{[]/.test(text) ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new UsageError(`${name} is neither JSON nor YAML: ${(error as Error).message.split("\n")[0]}`);
  }
}

function pointer(doc: Json, fragment: string, ref: string, file: string): Json {
  let node = doc;
  for (const raw of fragment.split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) {
      throw new UsageError(`${file}: $ref "${ref}" points at nothing (no "${key}")`);
    }
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

/**
 * Returns `root` with every `$ref` replaced by its target. `readFile` loads a referenced file by
 * absolute path (only called for refs that name a file); sibling keys of a `$ref` (3.1) win over the target's.
 */
export function dereference(root: Json, rootFile: string, readFile: (file: string) => Json): Json {
  const documents = new Map<string, Json>([[rootFile, root]]);
  const resolved = new Map<string, Json>();
  const load = (file: string) => {
    if (!documents.has(file)) documents.set(file, readFile(file));
    return documents.get(file);
  };

  function copyInto(target: Record<string, Json>, node: Record<string, Json>, file: string) {
    for (const [key, value] of Object.entries(node)) target[key] = walk(value, file);
    return target;
  }

  function follow(ref: string, file: string): Json {
    const [filePart, fragment = ""] = ref.split("#", 2) as [string, string?];
    const targetFile = filePart ? resolve(dirname(file), filePart) : file;
    const key = `${targetFile}#${fragment}`;
    if (resolved.has(key)) return resolved.get(key);
    const target = pointer(load(targetFile), fragment, ref, file);
    if (target === null || typeof target !== "object" || Array.isArray(target) || "$ref" in target) {
      const value = walk(target, targetFile);
      resolved.set(key, value);
      return value;
    }
    // Registered before its children are walked: a schema that refers to itself gets itself back.
    const out: Record<string, Json> = {};
    resolved.set(key, out);
    return copyInto(out, target as Record<string, Json>, targetFile);
  }

  function walk(node: Json, file: string): Json {
    if (Array.isArray(node)) return node.map((item) => walk(item, file));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...siblings } = node as Record<string, Json>;
    if (typeof $ref !== "string") return copyInto({}, node as Record<string, Json>, file);
    const target = follow($ref, file);
    if (Object.keys(siblings).length === 0 || target === null || typeof target !== "object") return target;
    return { ...(target as object), ...copyInto({}, siblings, file) };
  }

  return walk(root, rootFile);
}

/** Reads a spec file and resolves its `$ref`s; a missing or unreadable file is a usage error. */
export function loadSpecFile(path: string): Json {
  const read = (file: string) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return parseDocument(text, file);
  };
  const file = resolve(path);
  return dereference(read(file), file, read);
}

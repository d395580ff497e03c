// Step 1 of generation: redocly bundles a vendor's split spec into one JSON document.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin, run } from "./run.js";
import { GENERATED_HEADER } from "./vendors.js";

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
};

export async function bundleSpec(vendor: string): Promise<OpenApiDocument> {
  const dir = await mkdtemp(join(tmpdir(), `bundle-${vendor}-`));
  try {
    const out = join(dir, "openapi.json");
    await run(bin("redocly"), ["bundle", vendor, "--output", out, "--ext", "json"]);
    return JSON.parse(await readFile(out, "utf8")) as OpenApiDocument;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The committed form: a marker key first (JSON has no comments), two-space indent, final newline. */
export function renderBundle(doc: OpenApiDocument): string {
  return `${JSON.stringify({ "x-generated": GENERATED_HEADER, ...doc }, null, 2)}\n`;
}

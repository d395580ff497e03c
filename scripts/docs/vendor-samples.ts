// The TypeScript sample of every operation of a vendor's docs page, outside the site build: the
// release baseline stores them so the next release can check they still compile (issue 27, item 4).
import { readFileSync } from "node:fs";
import { operationsOf, type BundledSpec } from "../../src/cli/spec-examples.js";
import { repoRoot } from "../vendors.js";
import { codeSamples, sampleContext } from "./code-samples.js";

export interface StoredSample {
  vendor: string;
  /** `GET /scans/{scan_id}` */
  operation: string;
  code: string;
}

export function typescriptSamples(vendor: string): StoredSample[] {
  const spec = JSON.parse(readFileSync(`${repoRoot}/generated/${vendor}/openapi.json`, "utf8"));
  const ctx = sampleContext(vendor, spec);
  return operationsOf(ctx.spec).map(({ method, path, op }) => ({
    vendor,
    operation: `${method.toUpperCase()} ${path}`,
    code: codeSamples(method, path, op, ctx).find((s) => s.lang === "TypeScript")!.source,
  }));
}

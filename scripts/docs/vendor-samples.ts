// The TypeScript sample of every operation of a vendor's docs page, outside the site build: the
// release baseline stores them so the next release can check they still compile (issue 27, item 4).
import { readFileSync } from "node:fs";
import { operationsOf, type BundledSpec } from "../../src/cli/spec-examples.js";
import { repoRoot } from "../vendors.js";
import { codeSamples, type SampleContext } from "./code-samples.js";

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the samples of one vendor are built from: its bundled spec and the names a reader sees. */
export function sampleContext(vendor: string, spec: BundledSpec & { servers: { url: string }[] }): SampleContext {
  return {
    vendor,
    serverUrl: spec.servers[0]!.url,
    envVar: `${vendor.toUpperCase()}_API_KEY`,
    clientFactory: `create${pascal(vendor)}Client`,
    spec,
  };
}

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

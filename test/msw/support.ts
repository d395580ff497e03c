// Shared by the MSW kit tests: the four vendors, a key for each, and a request per operation
// built from the spec's own examples (the same values the docs and `verify` use).
import { readFileSync } from "node:fs";
import { authHeaderFor, exampleTarget, type BundledSpec, type SpecOperation } from "../../src/cli/spec-examples.js";
export { operationsOf } from "../../src/cli/spec-examples.js";

export const VENDORS = ["aiclicks", "ailabsaudit", "aiptx", "ayliea"] as const;
export type Vendor = (typeof VENDORS)[number];

export const TEST_KEYS: Record<Vendor, string> = {
  aiclicks: "ak_live_msw_test",
  ailabsaudit: "aila_msw_test",
  aiptx: "aiptx_msw_test",
  ayliea: `ayliea_pk_${"ab".repeat(32)}`,
};

export function specOf(vendor: Vendor): BundledSpec {
  return JSON.parse(readFileSync(new URL(`../../generated/${vendor}/openapi.json`, import.meta.url), "utf8")) as BundledSpec;
}


function bodyExample(op: SpecOperation): unknown {
  const media = op.requestBody?.content?.["application/json"] as { example?: unknown; examples?: Record<string, { value: unknown }> } | undefined;
  if (!media) return undefined;
  return media.example ?? Object.values(media.examples ?? {})[0]?.value;
}

/** The operation called with its example parameters and body; with the vendor's auth header unless `auth` is false. */
export function exampleRequest(spec: BundledSpec, vendor: Vendor, base: string, method: string, path: string, op: SpecOperation, auth = true): Request {
  const target = exampleTarget(spec, path, op);
  const url = new URL(`${base}${target.path}`);
  for (const [name, value] of Object.entries(target.query)) url.searchParams.set(name, value);
  const headers = new Headers();
  if (auth) headers.set(...authHeaderFor(spec, op, TEST_KEYS[vendor]));
  const body = bodyExample(op);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  return new Request(url, { method: method.toUpperCase(), headers, body: body === undefined ? null : JSON.stringify(body) });
}

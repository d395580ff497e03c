// The vendors the MSW kit can mock: each one's description (base URL, names, error body reader)
// and its bundled spec, read on first use so mocking one vendor does not parse the others.
import { readFileSync } from "node:fs";
import { aiclicks } from "../../aiclicks/vendor.js";
import { ailabsaudit } from "../../ailabsaudit/vendor.js";
import { aiptx } from "../../aiptx/vendor.js";
import { ayliea } from "../../ayliea/vendor.js";
import type { VendorDescription } from "../../core/vendor.js";
import { generatedRoot } from "../package-root.js";

export const vendors = { aiclicks, ailabsaudit, aiptx, ayliea } satisfies Record<string, VendorDescription>;

export type MockedVendor = keyof typeof vendors;

/** Throws, naming the known vendors, unless `name` is one. */
export function vendorNamed(name: string): VendorDescription {
  if (!Object.hasOwn(vendors, name)) {
    throw new Error(`mswHandlers: unknown vendor "${name}". Known vendors: ${Object.keys(vendors).join(", ")}.`);
  }
  return vendors[name as MockedVendor];
}

const specs = new Map<string, unknown>();

export function bundledSpec(vendor: string): unknown {
  let spec = specs.get(vendor);
  if (spec === undefined) {
    spec = JSON.parse(readFileSync(new URL(`${vendor}/openapi.json`, generatedRoot()), "utf8"));
    specs.set(vendor, spec);
  }
  return spec;
}

// The client's own description of a vendor (key form, base URL), so the CLI applies the very
// rules the client does. The kits' list of vendors is the one list: in the build, it imports
// each description from its vendor's entry, so the CLI carries no copy of a client.
import type { VendorDescription } from "../core/vendor.js";
import { vendors } from "../testing/msw/vendors.js";

export async function vendorDescription(vendor: string): Promise<VendorDescription> {
  const description = (vendors as Record<string, VendorDescription | undefined>)[vendor];
  if (!description) throw new Error(`no client description of "${vendor}": src/testing/msw/vendors.ts lists ${Object.keys(vendors).join(", ")}.`);
  return description;
}

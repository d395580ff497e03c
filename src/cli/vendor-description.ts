// The client's own description of a vendor (key form, base URL), so the CLI applies the very
// rules the client does. Loaded by name: every vendor with a spec has a src/<vendor>/vendor.ts.
import type { VendorDescription } from "../core/vendor.js";

export async function vendorDescription(vendor: string): Promise<VendorDescription> {
  const module = (await import(`../${vendor}/vendor.js`)) as Record<string, VendorDescription | undefined>;
  const description = module[vendor];
  if (!description) throw new Error(`src/${vendor}/vendor.ts exports no "${vendor}" description.`);
  return description;
}

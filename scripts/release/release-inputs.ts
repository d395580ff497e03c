// What a release records from the working tree: the bundled specs as text, the README's ts
// blocks and every vendor's TypeScript docs samples.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tsBlocks } from "../../test/readme/snippets.js";
import { typescriptSamples } from "../docs/vendor-samples.js";
import { listVendors } from "../vendors.js";

export function releaseInputs(root: string, version: string) {
  const vendors = listVendors().map((v) => v.name);
  return {
    version,
    specs: Object.fromEntries(vendors.map((v) => [v, readFileSync(join(root, "generated", v, "openapi.json"), "utf8")])),
    readmeBlocks: tsBlocks(readFileSync(join(root, "README.md"), "utf8")),
    samples: vendors.flatMap((v) => typescriptSamples(v)),
  };
}

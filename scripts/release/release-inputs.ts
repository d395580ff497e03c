// What a release records from the working tree: the bundled specs as text, the README's ts
// blocks and every vendor's TypeScript docs samples — those that compile against this release
// (the type check of the next release holds it to them); the others are listed as broken already.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tsBlocks } from "../../test/readme/snippets.js";
import { typescriptSamples } from "../docs/vendor-samples.js";
import { listVendors } from "../vendors.js";
import { previousSnippetFailures, readmeLabel, sampleLabel } from "./previous-snippets.js";

export function releaseInputs(root: string, version: string) {
  const vendors = listVendors().map((v) => v.name);
  const readmeBlocks = tsBlocks(readFileSync(join(root, "README.md"), "utf8"));
  const samples = vendors.flatMap((v) => typescriptSamples(v));
  const broken = previousSnippetFailures({ version, readmeBlocks, samples });
  const compiles = (label: string) => !broken.some((b) => b.label === label);
  return {
    version,
    specs: Object.fromEntries(vendors.map((v) => [v, readFileSync(join(root, "generated", v, "openapi.json"), "utf8")])),
    readmeBlocks: readmeBlocks.filter((b) => compiles(readmeLabel(version, b))),
    samples: samples.filter((s) => compiles(sampleLabel(version, s))),
    brokenAtRelease: broken.map((b) => b.text),
  };
}

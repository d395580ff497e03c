// The diff on the repository's own specs: each bundled spec against itself has no change, and the
// hand-authored specs (YAML split over many files, read through their $refs) describe exactly the
// bundled contract — the only difference is that bundling names their file-level schemas.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../../src/cli/diff/compare.js";
import { loadSpecFile } from "../../../src/cli/diff/load-spec.js";
import { listVendors, repoRoot } from "../../../scripts/vendors.js";

describe.each(listVendors())("diff on the $name spec", ({ name, root }) => {
  const bundled = loadSpecFile(`${repoRoot}/generated/${name}/openapi.json`);

  it("finds no change between the bundled spec and itself", () => {
    expect(diffSpecs(bundled, loadSpecFile(`${repoRoot}/generated/${name}/openapi.json`))).toEqual([]);
  });

  it("reads the multi-file source spec as the same contract as the bundled one", () => {
    const changes = diffSpecs(loadSpecFile(`${repoRoot}/${root}`), bundled);
    expect(changes.filter((c) => c.rule !== "component-schema-added")).toEqual([]);
  });
});

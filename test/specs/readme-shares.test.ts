// The README's table of optional shares (near the top, "Each spec follows its vendor's fact
// sheet…") states what the bundled specs hold now; this recomputes every "after" number.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GUESS_PREFIX, VENDORS, loadSpec, optionalShare, probeRenames, responseSchemas, specProperties, type Spec } from "./spec-fields.js";

const README = new URL("../../README.md", import.meta.url);

/** The row the README should show for a spec: "after" numbers only (the "before" ones are history). */
export function sharesOf(vendor: string, spec: Spec) {
  const components = optionalShare(spec);
  const reachable = responseSchemas(spec);
  const response = specProperties(spec).filter((p) => reachable.has(p.pointer.slice(0, p.pointer.lastIndexOf("/properties/"))));
  const optional = response.filter((p) => !p.required);
  const guesses = optional.filter((p) => p.description.startsWith(GUESS_PREFIX)).length;
  // A field counts as caught when renaming it fails validation in every example that shows it.
  const caught = new Map<string, boolean>();
  for (const probe of probeRenames(vendor, spec)) caught.set(probe.declaredBy!, (caught.get(probe.declaredBy!) ?? true) && probe.caught);
  return [
    `${components.optional}/${components.total}`,
    `${optional.length}/${response.length}`,
    `${guesses} / ${optional.length - guesses}`,
    `${[...caught.values()].filter(Boolean).length}/${caught.size}`,
  ];
}

/** The README's row for a spec, "after" side of each "before → after" cell. */
export function readmeRow(readme: string, vendor: string): string[] | undefined {
  const start = readme.indexOf("<!-- optional-shares:");
  if (start < 0) return undefined;
  const row = readme
    .slice(start)
    .split("\n")
    .find((line) => line.startsWith(`| ${vendor} |`));
  return row
    ?.split("|")
    .slice(2, -1)
    .map((cell) => cell.split("→").at(-1)!.trim());
}

describe("the README's optional shares", () => {
  const readme = readFileSync(README, "utf8");

  it.each(VENDORS)("%s: the README states the bundled spec's current numbers", (vendor) => {
    expect(readmeRow(readme, vendor)).toEqual(sharesOf(vendor, loadSpec(vendor)));
  });

  it("a drifted number is noticed", () => {
    const drifted = readme.replace(/\| aiclicks \| 61\/80 → (\d+)\/80/, (_m, n: string) => `| aiclicks | 61/80 → ${Number(n) + 1}/80`);
    expect(drifted).not.toBe(readme);
    expect(readmeRow(drifted, "aiclicks")).not.toEqual(sharesOf("aiclicks", loadSpec("aiclicks")));
    expect(readmeRow("no table here", "aiclicks")).toBeUndefined();
  });
});

// Rule by rule: a spec pair per rule fires that rule, with its verdict and reason, and nothing
// else but description changes; every registered rule has its pair.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../../src/cli/diff/compare.js";
import { RULES } from "../../../src/cli/diff/rules/index.js";
import { dereference } from "../../../src/cli/diff/load-spec.js";
import { baseSpec, PAIRS } from "./spec-pairs.js";

const deref = (spec: unknown) => dereference(spec, "/spec.json", () => { throw new Error("no other files"); });

/** The old and new spec of a rule's pair, dereferenced as the command reads them. */
function pair(rule: string) {
  const { before: edit0, after: edit1 } = PAIRS[rule]!;
  const before = baseSpec();
  const after = baseSpec();
  edit0?.(before);
  edit1?.(after);
  return { before: deref(before), after: deref(after) };
}

describe("diff rules, one spec pair each", () => {
  it("every registered rule has a spec pair, and every pair a registered rule", () => {
    expect(Object.keys(PAIRS).sort()).toEqual(Object.keys(RULES).sort());
  });

  it("no change at all: no changes, nothing breaking", () => {
    expect(diffSpecs(deref(baseSpec()), deref(baseSpec()))).toEqual([]);
  });

  it.each(Object.entries(PAIRS).map(([rule, { breaking }]) => [rule, breaking] as const))("%s → breaking: %s", (rule, breaking) => {
    const { before, after } = pair(rule);
    const changes = diffSpecs(before, after);
    const fired = changes.filter((c) => c.rule !== "description-changed" || rule === "description-changed");
    expect(fired.length, JSON.stringify(changes, null, 1)).toBeGreaterThan(0);
    expect(new Set(fired.map((c) => c.rule))).toEqual(new Set([rule]));
    for (const change of fired) expect(change).toMatchObject({ breaking, reason: RULES[rule]!.reason });
  });
});

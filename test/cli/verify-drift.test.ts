// The drift report's field bookkeeping, on a small spec: what a rename looks like, a parent
// never seen named once, free-form objects and recursive schemas.
import { describe, expect, it } from "vitest";
import { ResponseOracle } from "../../src/cli/response-oracle.js";
import type { BundledSpec } from "../../src/cli/spec-examples.js";
import { DriftLedger, GUESS_PREFIX, type Drift } from "../../src/cli/verify-drift.js";

const spec = {
  info: { title: "t", version: "1" },
  servers: [],
  paths: {},
  components: {
    schemas: {
      List: {
        type: "object",
        properties: {
          data: { type: "array", items: { $ref: "#/components/schemas/Domain" } },
          meta: { type: "object", properties: { request_id: { type: "string" } } },
          extra: { type: "object", description: "free-form: its keys are data, not fields" },
        },
      },
      Domain: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          owner: { anyOf: [{ type: "null" }, { type: "object", properties: { email: { type: "string" } } }] },
          parent: { $ref: "#/components/schemas/Domain" },
        },
      },
    },
  },
} as unknown as BundledSpec;
const POINTER = "/components/schemas/List";

async function driftOf(...bodies: unknown[]) {
  const ledger = new DriftLedger(await ResponseOracle.for(spec));
  for (const body of bodies) ledger.record("listDomains", POINTER, body);
  return ledger.report();
}

describe("the drift report", () => {
  it("an answer with every declared field (an anyOf branch's too) shows no drift", async () => {
    const full = { data: [{ id: "1", name: "a", owner: { email: "e" }, parent: { id: "0", name: "p", owner: null, parent: { id: "x" } } }], meta: { request_id: "r" }, extra: { anything: 1 } };
    expect(await driftOf(full)).toEqual([]);
  });

  it("a rename shows as one field not in the spec and one declared field never seen", async () => {
    const [[operation, drift]] = (await driftOf({ data: [{ domain_uuid: "1", name: "a" }] })) as [[string, Drift]];
    expect(operation).toBe("listDomains");
    expect(drift.undeclared).toEqual(["data[].domain_uuid"]);
    // `meta` is never seen, so `meta.request_id` is implied and not listed.
    expect(drift.neverSeen).toEqual(["data[].id", "data[].owner", "data[].parent", "meta", "extra"]);
  });

  it("a field seen in any answer of the run is seen", async () => {
    const [[, drift]] = (await driftOf({ data: [{ id: "1" }], meta: {}, extra: {} }, { data: [{ name: "b", owner: null, parent: {} }] })) as [[string, Drift]];
    // `owner` was seen (as null), so its object branch's `email` was not; a recursive `parent` is
    // walked once, its own fields are the Domain's already named.
    expect(drift.neverSeen).toEqual(["data[].owner.email", "meta.request_id"]);
  });

  it("a field the spec marks as a guess is never 'never seen' (beside a $ref or on its own schema); renamed, it is still not in the spec", async () => {
    const guessed = structuredClone(spec) as unknown as { components: { schemas: Record<string, any> } };
    const domain = guessed.components.schemas.Domain;
    domain.properties.name.description = `${GUESS_PREFIX} seen in a screenshot only.`;
    domain.properties.parent = { $ref: "#/components/schemas/Domain", description: `${GUESS_PREFIX} inferred.` };
    const ledger = new DriftLedger(await ResponseOracle.for(guessed as unknown as BundledSpec));
    ledger.record("listDomains", POINTER, { data: [{ id: "1", owner: null, title: "a" }], meta: { request_id: "r" }, extra: {} });
    const [[, drift]] = ledger.report() as [[string, Drift]];
    expect(drift.neverSeen).toEqual(["data[].owner.email"]);
    expect(drift.undeclared).toEqual(["data[].title"]);
  });
});

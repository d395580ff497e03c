// Cold start of validation: a conforming answer is judged by the precompiled check alone, so the
// first validated call builds no zod schema (serverless functions and CLIs pay that per start);
// a refused one loads zod, builds only its operation's schemas and reports zod's issues; and where
// zod would accept what the precompiled check refused, zod's verdict stands.
import { describe, expect, it, vi } from "vitest";
import * as realZod from "zod";
import spec from "../../generated/aiclicks/openapi.json" with { type: "json" };
import { createVendorClient } from "../../src/core/create-client.js";
import { ResponseValidationError } from "../../src/core/errors.js";
import type { VendorDescription } from "../../src/core/vendor.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

// Counts the object schemas zod is asked to build; everything else is zod itself.
const built = vi.hoisted(() => ({ objects: 0 }));
vi.mock("zod", async (importOriginal) => {
  const z = await importOriginal<typeof import("zod")>();
  return { ...z, object: (...args: Parameters<typeof z.object>) => (built.objects++, z.object(...args)) };
});

const { createAiclicksClient } = await import("../../src/aiclicks/index.js");
const { aiclicks } = await import("../../src/aiclicks/vendor.js");

const good = spec.paths["/api/v1/domains"].get.responses["200"].content["application/json"].example;
const bad = { ...good, data: { ...good.data, items: [{ ...good.data.items[0], id: 42 }] } };

describe("validation's two tiers", () => {
  it("a conforming answer loads no zod schema; a refused one builds only its operation's and reports zod's issues", async () => {
    const loadValidators = vi.spyOn(aiclicks, "loadValidators");
    let body: unknown = good;
    const client = createAiclicksClient({ apiKey: "ak_live_lazy_schemas", rateLimit: false, validate: "strict", fetch: async () => Response.json(body) });
    const before = built.objects;
    expect((await client.GET("/api/v1/domains")).error).toBeUndefined();
    expect(loadValidators).not.toHaveBeenCalled();
    expect(built.objects).toBe(before);

    body = bad;
    const error = await client.GET("/api/v1/domains").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([{ path: "data.items[0].id", expected: "string", received: "integer", message: expect.any(String) }]);
    expect(loadValidators).toHaveBeenCalledTimes(1);
    const afterRefusal = built.objects;
    expect(afterRefusal).toBeGreaterThan(before);

    // Reading every entry builds the rest: listing domains references a handful of objects only.
    const table = await aiclicks.loadValidators();
    for (const key of Object.keys(table)) expect(table[key]!.response ?? table[key]!.query).toBeDefined();
    expect(built.objects - before).toBeGreaterThan((afterRefusal - before) * 3);
    loadValidators.mockRestore();
  });

  it("verdicts alternate with the answers, the same as zod's every time", async () => {
    let body: unknown = good;
    const client = createAiclicksClient({ apiKey: "ak_live_lazy_schemas", rateLimit: false, validate: "strict", fetch: async () => Response.json(body) });
    const verdicts: unknown[] = [];
    for (const next of [bad, good, bad, good, bad]) {
      body = next;
      verdicts.push(await client.GET("/api/v1/domains").then(() => "ok", (error: { issues: unknown }) => error.issues));
    }
    const issues = [{ path: "data.items[0].id", expected: "string", received: "integer", message: expect.any(String) }];
    expect(verdicts).toEqual([issues, "ok", issues, "ok", issues]);
  });

  it("zod is the validator of record: what the precompiled check refuses but zod accepts passes, requests included", async () => {
    const refuseAll = () => false;
    const vendor: VendorDescription = {
      ...testVendor,
      operations: { "POST /things": { operationId: "createThing", scopes: [], responseKind: "json", mediaTypes: ["application/json"] } },
      loadValidators: async () => ({
        "POST /things": { path: undefined, query: undefined, body: realZod.object({ name: realZod.string() }), response: realZod.object({ id: realZod.int() }) },
      }),
      loadPrecompiled: async () => ({ "POST /things": { path: undefined, query: undefined, body: refuseAll, response: refuseAll } }),
    };
    let answer: unknown = { id: 1 };
    const client = createVendorClient<TestPaths>(vendor, { apiKey: TEST_KEY, rateLimit: false, validate: "strict", fetch: async () => Response.json(answer) });
    expect((await client.POST("/things", { body: { name: "kept" } })).data).toEqual({ id: 1 });
    // And what both refuse fails with zod's issues, for the request before anything is sent.
    await expect(client.POST("/things", { body: { name: 7 } as never })).rejects.toThrow(/body\.name/);
    answer = { id: "one" };
    await expect(client.POST("/things", { body: { name: "kept" } })).rejects.toThrow(ResponseValidationError);
  });
});

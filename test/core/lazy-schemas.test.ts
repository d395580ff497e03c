// Cold start of validation: the first validated call builds the zod schemas its own operation
// references, not every schema of the vendor (serverless functions and CLIs pay that per start),
// and compiles nothing; an operation checked again gets zod's compiled parser, same verdicts.
import { describe, expect, it, vi } from "vitest";
import spec from "../../generated/aiclicks/openapi.json" with { type: "json" };

// Counts the object schemas zod is asked to build and compile; everything else is zod itself.
const built = vi.hoisted(() => ({ objects: 0, compiled: 0 }));
vi.mock("zod", async (importOriginal) => {
  const z = await importOriginal<typeof import("zod")>();
  return {
    ...z,
    object: (...args: Parameters<typeof z.object>) => (built.objects++, z.object(...args)),
    compile: (...args: Parameters<typeof z.compile>) => (built.compiled++, z.compile(...args)),
  };
});

const { createAiclicksClient } = await import("../../src/aiclicks/index.js");
const { aiclicks } = await import("../../src/aiclicks/vendor.js");

describe("lazy schemas", () => {
  it("the first validated call builds only its operation's schemas; the rest are built when read", async () => {
    const client = createAiclicksClient({
      apiKey: "ak_live_lazy_schemas",
      rateLimit: false,
      validate: "strict",
      // The spec's own example of the answer, so strict validation passes.
      fetch: async () => Response.json(spec.paths["/api/v1/domains"].get.responses["200"].content["application/json"].example),
    });
    const { error } = await client.GET("/api/v1/domains");
    expect(error).toBeUndefined();
    const afterFirstCall = built.objects;
    expect(afterFirstCall).toBeGreaterThan(0);
    expect(built.compiled).toBe(0);

    const table = await aiclicks.loadValidators();
    for (const key of Object.keys(table)) expect(table[key]!.response ?? table[key]!.query).toBeDefined();
    // Listing domains references a handful of objects; the vendor's eleven operations far more.
    expect(built.objects).toBeGreaterThan(afterFirstCall * 3);
  });

  it("an operation checked again is compiled once, and its verdicts stay the same", async () => {
    const good = spec.paths["/api/v1/domains"].get.responses["200"].content["application/json"].example;
    const bad = { ...good, data: { ...good.data, items: [{ ...good.data.items[0], id: 42 }] } };
    let body: unknown = good;
    const client = createAiclicksClient({ apiKey: "ak_live_lazy_schemas", rateLimit: false, validate: "strict", fetch: async () => Response.json(body) });
    const compiledBefore = built.compiled;
    const verdicts: unknown[] = [];
    for (const next of [bad, good, bad, good, bad]) {
      body = next;
      verdicts.push(await client.GET("/api/v1/domains").then(() => "ok", (error: { issues: unknown }) => error.issues));
    }
    expect(built.compiled - compiledBefore).toBe(1);
    const issues = [{ path: "data.items[0].id", expected: "string", received: "integer", message: expect.any(String) }];
    expect(verdicts).toEqual([issues, "ok", issues, "ok", issues]);
  });
});

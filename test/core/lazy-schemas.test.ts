// Cold start of validation: the first validated call builds the zod schemas its own operation
// references, not every schema of the vendor (serverless functions and CLIs pay that per start).
import { describe, expect, it, vi } from "vitest";
import spec from "../../generated/aiclicks/openapi.json" with { type: "json" };

// Counts the object schemas zod is asked to build; everything else is zod itself.
const built = vi.hoisted(() => ({ objects: 0 }));
vi.mock("zod", async (importOriginal) => {
  const z = await importOriginal<typeof import("zod")>();
  return { ...z, object: (...args: Parameters<typeof z.object>) => (built.objects++, z.object(...args)) };
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

    const table = await aiclicks.loadValidators();
    for (const key of Object.keys(table)) expect(table[key]!.response ?? table[key]!.query).toBeDefined();
    // Listing domains references a handful of objects; the vendor's eleven operations far more.
    expect(built.objects).toBeGreaterThan(afterFirstCall * 3);
  });
});

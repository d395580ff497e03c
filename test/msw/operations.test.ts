// Every operation of every vendor, called through its client with validate: "strict" and default
// options (the production base URL), is answered by the MSW handlers in-process: nothing leaves
// the process (onUnhandledRequest: "error") and every answer passes the client's zod checks.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { exampleValue, parametersOf } from "../../src/cli/spec-examples.js";
import { vendors } from "../../src/testing/msw/vendors.js";
import { operationsOf, specOf, TEST_KEYS, VENDORS, type Vendor } from "./support.js";

// How long the kit takes to be ready is printed, never asserted (wall-clock differs per machine).
const loading = performance.now();
const { mswHandlers } = await import("../../src/testing/msw/index.js");
const building = performance.now();
const server = setupServer(...VENDORS.flatMap((vendor) => mswHandlers(vendor).handlers));
console.info(
  `MSW kit: imported in ${(building - loading).toFixed(0)} ms (zod schemas included), ` +
    `handlers for all four vendors built in ${(performance.now() - building).toFixed(0)} ms`,
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const options = { validate: "strict", rateLimit: false, maxRetries: 0 } as const;
const clients = {
  aiclicks: () => createAiclicksClient({ ...options, apiKey: TEST_KEYS.aiclicks }),
  ailabsaudit: () => createAilabsauditClient({ ...options, apiKey: TEST_KEYS.ailabsaudit }),
  aiptx: () => createAiptxClient({ ...options, apiKey: TEST_KEYS.aiptx }),
  ayliea: () => createAylieaClient({ ...options, apiKey: TEST_KEYS.ayliea }),
} satisfies Record<Vendor, unknown>;

type AnyCall = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

describe.each(VENDORS)("%s through its client against the MSW handlers", (vendor) => {
  const spec = specOf(vendor);
  const client = clients[vendor]() as unknown as Record<string, AnyCall>;

  for (const { key, method, path, op } of operationsOf(spec)) {
    it(`${key} succeeds with strict validation`, async () => {
      const required = parametersOf(spec, op).filter((p) => p.required);
      const pick = (place: string) => Object.fromEntries(required.filter((p) => p.in === place).map((p) => [p.name, exampleValue(p)]));
      const media = op.requestBody?.content?.["application/json"] as { example?: unknown; examples?: Record<string, { value: unknown }> } | undefined;
      const body = media && (media.example ?? Object.values(media.examples ?? {})[0]?.value);
      // An answer whose first media type is not JSON (PDF, CSV …) is read as bytes, as the download helpers do.
      const first = vendors[vendor].operations[key]?.mediaTypes[0] ?? "application/json";
      const parseAs = /json$/.test(first) ? {} : { parseAs: "arrayBuffer" };
      const params = { path: pick("path"), query: pick("query") };
      const result = await client[method.toUpperCase()]!(path, { params, ...parseAs, ...(body === undefined ? {} : { body }) });
      expect(result.error).toBeUndefined();
      expect(result.response.status).toBeGreaterThanOrEqual(200);
      expect(result.response.status).toBeLessThan(300);
      expect(result.data).toBeDefined();
    });
  }
});

// Every Ayliea operation, called through the typed client against Prism, answers 200 with a body
// that passes the generated zod schema in strict mode, and the key travels in X-API-Key.
import { describe, expect, it } from "vitest";
import { operationTable } from "../../generated/ayliea/operations.js";
import * as schemas from "../../generated/ayliea/zod.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";
import { TEST_KEY } from "./support.js";

describe("Ayliea operations against the Prism mock", () => {
  const recorder = recordingFetch();
  const client = createAylieaClient({
    apiKey: TEST_KEY,
    baseUrl: mockUrl("ayliea"),
    fetch: recorder.fetch,
    validate: "strict",
    rateLimit: false,
  });
  const calls = {
    listScores: () => client.GET("/scores"),
    listRecommendations: () => client.GET("/recommendations", { params: { query: { limit: 25, offset: 0 } } }),
    getLatestDiscoveryScan: () => client.GET("/discovery", { params: { query: { limit: 100, offset: 25 } } }),
    listAssessments: () => client.GET("/assessments"),
  } as const;

  for (const [operationId, call] of Object.entries(calls)) {
    it(`${operationId} answers 200 with a body the zod schema accepts`, async () => {
      const result = await call();
      expect(result.response.status).toBe(200);
      expect(result.error).toBeUndefined();
      const schemaName = `z${operationId[0]!.toUpperCase()}${operationId.slice(1)}Response` as keyof typeof schemas;
      expect(schemas[schemaName].safeParse(result.data).success).toBe(true);
      expect(result.requestId).toMatch(/\S/);
      const sent = recorder.calls.at(-1)!;
      expect(sent.headers.get("x-api-key")).toBe(TEST_KEY);
      expect(sent.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });
  }

  it("covers every operation in the spec", () => {
    const specOps = Object.values(operationTable).map((op) => op.operationId).sort();
    expect(Object.keys(calls).sort()).toEqual(specOps);
  });

  it("types the bodies: bare objects named after their content, no envelope", async () => {
    const scores = await client.GET("/scores");
    expect(scores.data!.scores![0]!.grade).toBe("C");
    const recommendations = await client.GET("/recommendations");
    expect(recommendations.data!.recommendations.map((r) => r.priority)).toEqual([1, 2]);
    const discovery = await client.GET("/discovery");
    expect(discovery.data!.scan?.summary?.platforms_discovered).toBe(14);
    expect(discovery.data!.platforms.map((p) => p.platform_name)).toEqual(["ChatGPT", "GitHub Copilot"]);
  });

  it("accepts a discovery answer with no completed scan (scan: null) in strict mode", async () => {
    const result = await client.GET("/discovery", { headers: { Prefer: "example=noCompletedScan" } });
    expect(result.response.status).toBe(200);
    expect(result.data).toEqual({ scan: null, platforms: [] });
  });
});

// Every AIclicks operation, called through the typed client against Prism, answers 200 with a
// body that passes the generated zod schema in strict mode and carries a request id.
import { describe, expect, it } from "vitest";
import { operationTable } from "../../generated/aiclicks/operations.js";
import * as schemas from "../../generated/aiclicks/zod.js";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";

describe("AIclicks operations against the Prism mock", () => {
  const recorder = recordingFetch();
  const client = createAiclicksClient({
    apiKey: "ak_live_contract_test_key",
    baseUrl: mockUrl("aiclicks"),
    fetch: recorder.fetch,
    validate: "strict",
    rateLimit: false,
  });
  const calls = {
    validateApiKey: () => client.GET("/api/v1/validate"),
    listDomains: () => client.GET("/api/v1/domains"),
    listPrompts: () => client.GET("/api/v1/prompts", { params: { query: { domain_id, page: 1, size: 50 } } }),
    listFanoutQueries: () => client.GET("/api/v1/fanout-queries", { params: { query: { domain_id, days: 30 } } }),
    getVisibilityTimeSeries: () => client.GET("/api/v1/visibility-time-series", { params: { query: { domain_id, days: 30 } } }),
    getCitabilityTimeSeries: () => client.GET("/api/v1/citability-time-series", { params: { query: { domain_id } } }),
    getMentionsTimeSeries: () => client.GET("/api/v1/mentions-time-series", { params: { query: { domain_id, days: 7 } } }),
    getCitationsTimeSeries: () => client.GET("/api/v1/citations-time-series", { params: { query: { domain_id, days: 90 } } }),
    getBrandRankings: () => client.GET("/api/v1/brand-rankings", { params: { query: { domain_id, days: 30 } } }),
    getModelLeaderboard: () => client.GET("/api/v1/model-leaderboard", { params: { query: { domain_id } } }),
    listCitations: () => client.GET("/api/v1/citations", { params: { query: { domain_id, days: 30 } } }),
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
      expect(sent.headers.get("authorization")).toBe("Bearer ak_live_contract_test_key");
      expect(sent.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });
  }

  it("covers every operation in the spec", () => {
    const specOps = Object.values(operationTable).map((op) => op.operationId).sort();
    expect(Object.keys(calls).sort()).toEqual(specOps);
  });

  it("types the payload: a time series is a list of dated points", async () => {
    const { data } = await client.GET("/api/v1/visibility-time-series", { params: { query: { domain_id } } });
    const first = data!.data.items[0]!;
    expect(typeof first.date).toBe("string");
    expect(typeof first.value).toBe("number");
  });
});

// Every AILabsAudit operation, called through the typed client against Prism, answers 2xx with a
// body that passes the generated zod schema in strict mode, sent with the default X-Api-Key header.
import { describe, expect, it } from "vitest";
import { operationTable } from "../../generated/ailabsaudit/operations.js";
import * as schemas from "../../generated/ailabsaudit/zod.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const apiKey = "aila_contract_test_key";
const id = "42";

describe("AILabsAudit operations against the Prism mock", () => {
  const recorder = recordingFetch();
  const client = createAilabsauditClient({
    apiKey,
    baseUrl: mockUrl("ailabsaudit"),
    fetch: recorder.fetch,
    validate: "strict",
    rateLimit: false,
  });
  const path = { path: { id } };
  const calls = {
    listClients: () => client.GET("/clients", { params: { query: { page: 1, per_page: 20 } } }),
    getClient: () => client.GET("/clients/{id}", { params: path }),
    listClientContacts: () => client.GET("/clients/{id}/contacts", { params: path }),
    listClientCompetitors: () => client.GET("/clients/{id}/competitors", { params: path }),
    getClient360: () => client.GET("/clients/{id}/360", { params: path }),
    listAudits: () => client.GET("/audits", { params: { query: { client_id: "42" } } }),
    getAudit: () => client.GET("/audits/{id}", { params: { path: { id: "1287" } } }),
    listAuditResults: () => client.GET("/audits/{id}/results", { params: { path: { id: "1287" }, query: { per_page: 50 } } }),
    getAuditScores: () => client.GET("/audits/{id}/scores", { params: { path: { id: "1287" } } }),
    launchAudit: () => client.POST("/audits/launch", { body: { client_id: 42, models: ["chatgpt", "claude"], language: "en" } }),
    listReports: () => client.GET("/reports", { params: { query: { client_id: "42" } } }),
    getReport: () => client.GET("/reports/{id}", { params: path }),
    downloadReport: () => client.GET("/reports/{id}/download", { params: path, parseAs: "arrayBuffer" }),
    listActionPlans: () => client.GET("/action-plans"),
    getActionPlan: () => client.GET("/action-plans/{id}", { params: path }),
    getActionPlanProgress: () => client.GET("/action-plans/{id}/progress", { params: path }),
    listQuestionnaires: () => client.GET("/questionnaires", { params: { query: { page: 1 } } }),
    listQuestionnaireResponses: () => client.GET("/questionnaires/{id}/responses", { params: path }),
    getPortfolioAnalytics: () => client.GET("/analytics/portfolio"),
    getLeaderboard: () => client.GET("/analytics/leaderboard"),
    getScoreDistribution: () => client.GET("/analytics/scores/distribution"),
    listModels: () => client.GET("/models"),
    getModel: () => client.GET("/models/{id}", { params: { path: { id: "chatgpt" } } }),
    getAccountProfile: () => client.GET("/account/profile"),
    getAccountCredits: () => client.GET("/account/credits"),
    getAccountSubscription: () => client.GET("/account/subscription"),
  } as const;

  for (const [operationId, call] of Object.entries(calls)) {
    it(`${operationId} answers 2xx with a body the spec accepts`, async () => {
      const result = await call();
      expect(result.response.ok).toBe(true);
      expect(result.error).toBeUndefined();
      if (operationId === "downloadReport") {
        expect(result.data).toBeInstanceOf(ArrayBuffer);
      } else {
        const schemaName = `z${operationId[0]!.toUpperCase()}${operationId.slice(1)}Response` as keyof typeof schemas;
        const parsed = schemas[schemaName].safeParse(result.data);
        expect(parsed.error).toBeUndefined();
        expect((result.data as { success: boolean }).success).toBe(true);
      }
      expect(result.requestId).toMatch(/\S/);
      const sent = recorder.calls.at(-1)!;
      expect(sent.headers.get("x-api-key")).toBe(apiKey);
      expect(sent.headers.get("authorization")).toBeNull();
    });
  }

  it("covers every operation in the spec", () => {
    const specOps = Object.values(operationTable).map((op) => op.operationId).sort();
    expect(Object.keys(calls).sort()).toEqual(specOps);
  });

  it("types the payload: a launched audit has an id to poll and a status", async () => {
    const { data } = await client.POST("/audits/launch", { body: { client_id: 42 } });
    expect(["number", "string"]).toContain(typeof data!.data.id);
    expect(typeof data!.data.status).toBe("string");
  });
});

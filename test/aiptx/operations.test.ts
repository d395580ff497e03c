// Every AIPTx operation, called through the typed client against Prism, answers 2xx with a body
// that passes the generated zod schema in strict mode; the webhook subscription makes Prism
// deliver the documented event to the subscribed URL (a loopback server of this test).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationTable } from "../../generated/aiptx/operations.js";
import * as schemas from "../../generated/aiptx/zod.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const scan_id = "scan_abc123";
const finding_id = "finding_xyz789";
const report_id = "report_xyz789";

interface Delivery {
  method: string;
  url: string;
  body: unknown;
}

/** A loopback receiver for the webhook callback Prism fires. */
function startReceiver() {
  const deliveries: Delivery[] = [];
  let notify: (() => void) | undefined;
  const server: Server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => {
      deliveries.push({ method: request.method!, url: request.url!, body: JSON.parse(text) });
      response.end();
      notify?.();
    });
  });
  const listening = new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  const delivered = () =>
    new Promise<Delivery>((resolve) => {
      if (deliveries.length) return resolve(deliveries[0]!);
      notify = () => resolve(deliveries[0]!);
    });
  return { listening, deliveries, delivered, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("AIPTx operations against the Prism mock", () => {
  const recorder = recordingFetch();
  const client = createAiptxClient({
    apiKey: "aiptx_contract_test_key",
    baseUrl: mockUrl("aiptx"),
    fetch: recorder.fetch,
    validate: "strict",
    rateLimit: false,
  });
  const receiver = startReceiver();
  let receiverUrl = "";
  beforeAll(async () => {
    receiverUrl = await receiver.listening;
  });
  afterAll(() => receiver.close());

  const calls = {
    listScans: () => client.GET("/scans", { params: { query: { status: "completed", page: 1, limit: 20 } } }),
    createScan: () =>
      client.POST("/scans", {
        body: {
          target: "https://app.example.com",
          mode: "standard",
          type: "web",
          name: "Weekly Security Scan",
          authentication: { type: "bearer", token: "app-session-token" },
          scope: { include: ["/api/*"], exclude: ["/api/health"] },
          instructions: "Focus on authentication flows",
        },
      }),
    getScan: () => client.GET("/scans/{scan_id}", { params: { path: { scan_id } } }),
    getScanStatus: () => client.GET("/scans/{scan_id}/status", { params: { path: { scan_id } } }),
    cancelScan: () => client.POST("/scans/{scan_id}/cancel", { params: { path: { scan_id } } }),
    rescanScan: () =>
      client.POST("/scans/{scan_id}/rescan", { params: { path: { scan_id } }, body: { mode: "deep", instructions: "Focus on new endpoints" } }),
    compareScans: () =>
      client.GET("/scans/{scan_id}/compare/{other_scan_id}", { params: { path: { scan_id, other_scan_id: "scan_def456" } } }),
    createScanWebhook: () =>
      client.POST("/scans/{scan_id}/webhooks", {
        params: { path: { scan_id } },
        body: { url: `${receiverUrl}/webhooks/aiptx`, events: ["scan.completed", "finding.critical"], secret: "test-webhook-secret" },
      }),
    createScanJiraIssues: () =>
      client.POST("/scans/{scan_id}/jira", { params: { path: { scan_id } }, body: { severity_filter: ["critical", "high"], project: "SECURITY" } }),
    listFindings: () => client.GET("/findings", { params: { query: { scan_id, severity: "critical", status: "open", limit: 50 } } }),
    bulkUpdateFindings: () =>
      client.PATCH("/findings/bulk", { body: { finding_ids: ["finding_abc", "finding_def"], status: "accepted", notes: "Legacy code" } }),
    getFindingStats: () => client.GET("/findings/stats", { params: { query: { scan_id } } }),
    exportFindings: () => client.GET("/findings/export", { params: { query: { scan_id, format: "json" } }, headers: { Accept: "application/json" } }),
    bulkCreateFindingJiraIssues: () =>
      client.POST("/findings/jira/bulk", { body: { finding_ids: ["finding_1", "finding_2"], project: "SECURITY", issue_type: "Bug" } }),
    getFinding: () => client.GET("/findings/{finding_id}", { params: { path: { finding_id } } }),
    updateFinding: () =>
      client.PATCH("/findings/{finding_id}", { params: { path: { finding_id } }, body: { status: "false_positive", notes: "Input is sanitized upstream" } }),
    createFindingJiraIssue: () =>
      client.POST("/findings/{finding_id}/jira", {
        params: { path: { finding_id } },
        body: { project: "SECURITY", issue_type: "Bug", priority: "High", assignee: "john@example.com" },
      }),
    listReports: () => client.GET("/reports", { params: { query: { scan_id, format: "pdf" } } }),
    createReport: () =>
      client.POST("/reports", { body: { scan_id, format: "pdf", template: "compliance", compliance: ["soc2", "pci"] } }),
    setReportBranding: () =>
      client.POST("/reports/branding", {
        body: { company_name: "Acme Corporation", logo_url: "https://example.com/logo.png", contact_email: "security@acme.com" },
      }),
    createReportSchedule: () =>
      client.POST("/reports/schedules", {
        body: {
          scan_id,
          format: "pdf",
          template: "executive",
          schedule: { frequency: "weekly", day: "monday", time: "09:00", timezone: "America/New_York" },
          delivery: { email: ["security@acme.com"] },
        },
      }),
    getReport: () => client.GET("/reports/{report_id}", { params: { path: { report_id } } }),
    // The binary answer is checked in downloads.test.ts; here the JSON report format.
    downloadReport: () =>
      client.GET("/reports/{report_id}/download", { params: { path: { report_id } }, headers: { Accept: "application/json" } }),
    shareReport: () =>
      client.POST("/reports/{report_id}/share", {
        params: { path: { report_id } },
        body: { expires_in: "7d", password_protected: true, allowed_domains: ["@acme.com"] },
      }),
    updateSlackSettings: () =>
      client.PUT("/integrations/slack", {
        body: { default_channel: "#security-alerts", notifications: { scan_completed: true, critical_finding: true } },
      }),
  } as const;

  for (const [operationId, call] of Object.entries(calls)) {
    it(`${operationId} answers 2xx with a body the zod schema accepts`, async () => {
      const result = await call();
      expect(result.response.ok).toBe(true);
      expect(result.error).toBeUndefined();
      const schemaName = `z${operationId[0]!.toUpperCase()}${operationId.slice(1)}Response` as keyof typeof schemas;
      expect(schemas[schemaName].safeParse(result.data).success).toBe(true);
      expect(result.requestId).toMatch(/\S/);
      const sent = recorder.calls.at(-1)!;
      expect(sent.headers.get("authorization")).toBe("Bearer aiptx_contract_test_key");
      expect(sent.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });
  }

  it("covers every operation in the spec", () => {
    const specOps = Object.values(operationTable).map((op) => op.operationId).sort();
    expect(Object.keys(calls).sort()).toEqual(specOps);
  });

  it("a webhook subscription makes Prism deliver the scan.completed event to the subscribed URL", async () => {
    await calls.createScanWebhook();
    const delivery = await receiver.delivered();
    expect(delivery.method).toBe("POST");
    expect(delivery.url).toBe("/webhooks/aiptx");
    expect(delivery.body).toMatchObject({ event: "scan.completed", data: { status: "completed" }, signature: expect.stringMatching(/^sha256=/) });
    expect(schemas.zScanWebhookEvent.safeParse(delivery.body).success).toBe(true);
  });

  it("creating a scan answers 201 and types the new scan", async () => {
    const { data, response } = await calls.createScan();
    expect(response.status).toBe(201);
    expect(data!.data.id).toMatch(/^scan_/);
    expect(["queued", "running", "completed", "failed", "cancelled"]).toContain(data!.data.status);
  });
});

// AILabsAudit hands ids out as numbers or strings; either goes back into a path or a client_id
// filter as it came, passes strict request validation, and is sent as its decimal text.
import { describe, expect, it } from "vitest";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { unwrap } from "../../src/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

describe("AILabsAudit ids from responses", () => {
  const recorder = recordingFetch();
  const client = createAilabsauditClient({
    apiKey: "aila_contract_test_key",
    baseUrl: mockUrl("ailabsaudit"),
    fetch: recorder.fetch,
    validate: "strict",
    rateLimit: false,
  });

  it("a numeric id from GET /clients goes straight into GET /clients/{id} and ?client_id=", async () => {
    const first = unwrap(await client.GET("/clients")).data[0]!;
    expect(typeof first.id).toBe("number");
    const one = unwrap(await client.GET("/clients/{id}", { params: { path: { id: first.id } } }));
    expect(one.data.id).toEqual(first.id);
    unwrap(await client.GET("/audits", { params: { query: { client_id: first.id } } }));
    expect(recorder.calls.slice(1).map((c) => c.url.pathname + c.url.search)).toEqual([
      `/clients/${first.id}`,
      `/audits?client_id=${first.id}`,
    ]);
  });

  it("still refuses an empty id before sending", async () => {
    const before = recorder.calls.length;
    await expect(client.GET("/clients/{id}", { params: { path: { id: "" } } })).rejects.toThrow(/path\.id/);
    expect(recorder.calls.length).toBe(before);
  });
});

// Finding 1 of issue 13: a redirect to another origin must not carry X-API-Key (Ayliea's only
// scheme) there; fetch itself would re-send it. Two loopback servers, two origins.
import { afterEach, describe, expect, it } from "vitest";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { json, redirect, startFaultServer } from "../fixtures/fault-server.js";
import { TEST_KEY } from "./support.js";

const servers: { close(): Promise<void> }[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => s.close())));

describe("Ayliea redirects", () => {
  it.each([302, 307])("HTTP %i to another origin: followed without X-API-Key", async (status) => {
    const elsewhere = await startFaultServer([json(200, { data: [] })]);
    const vendor = await startFaultServer([redirect(`${elsewhere.url}/scores`, status)]);
    servers.push(elsewhere, vendor);
    const client = createAylieaClient({ apiKey: TEST_KEY, baseUrl: vendor.url, rateLimit: false, validate: "off" });
    const result = await client.GET("/scores");
    expect(result.response.status).toBe(200);
    expect(vendor.received[0]!.headers["x-api-key"]).toBe(TEST_KEY);
    expect(elsewhere.received).toHaveLength(1);
    expect(JSON.stringify(elsewhere.received[0]!.headers)).not.toContain(TEST_KEY);
  });

  it("a redirect on the same origin keeps the key", async () => {
    const vendor = await startFaultServer([redirect("/scores-v2", 308), json(200, { data: [] })]);
    servers.push(vendor);
    const client = createAylieaClient({ apiKey: TEST_KEY, baseUrl: vendor.url, rateLimit: false, validate: "off" });
    await client.GET("/scores");
    expect(vendor.received.map((r) => [r.url, r.headers["x-api-key"]])).toEqual([
      ["/scores", TEST_KEY],
      ["/scores-v2", TEST_KEY],
    ]);
  });
});

// Finding 1 of issue 13: a redirect to another origin must not carry X-Api-Key (AILabsAudit's
// default scheme) there; fetch itself would re-send it. Two loopback servers, two origins.
import { afterEach, describe, expect, it } from "vitest";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { json, redirect, startFaultServer } from "../fixtures/fault-server.js";

const apiKey = "aila_redirect_test_key_0123456789";
const servers: { close(): Promise<void> }[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => s.close())));

describe("AILabsAudit redirects", () => {
  it.each([301, 302, 307, 308])("HTTP %i to another origin: followed without the key, which stays on the vendor's origin", async (status) => {
    const elsewhere = await startFaultServer([json(200, { id: 1, email: "a@example.com" })]);
    const vendor = await startFaultServer([redirect(`${elsewhere.url}/profile-copy`, status)]);
    servers.push(elsewhere, vendor);
    const client = createAilabsauditClient({ apiKey, baseUrl: vendor.url, rateLimit: false, validate: "off" });
    const result = await client.GET("/account/profile");
    expect(result.response.status).toBe(200);
    expect(vendor.received[0]!.headers["x-api-key"]).toBe(apiKey);
    expect(elsewhere.received).toHaveLength(1);
    expect(elsewhere.received[0]!.headers["x-api-key"]).toBeUndefined();
    expect(JSON.stringify(elsewhere.received[0]!.headers)).not.toContain(apiKey);
  });

  it('with auth: "bearer" the Authorization header stays behind as well', async () => {
    const elsewhere = await startFaultServer([json(200, {})]);
    const vendor = await startFaultServer([redirect(`${elsewhere.url}/x`, 307)]);
    servers.push(elsewhere, vendor);
    const client = createAilabsauditClient({ apiKey, auth: "bearer", baseUrl: vendor.url, rateLimit: false, validate: "off" });
    await client.GET("/account/profile");
    expect(JSON.stringify(elsewhere.received[0]!.headers)).not.toContain(apiKey);
  });
});

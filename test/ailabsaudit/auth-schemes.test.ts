// The key goes in X-Api-Key by default or as a Bearer token on request; Prism (the spec) accepts
// either, and a request without a key gets the vendor's own 401 body as an AuthenticationError.
import { describe, expect, it } from "vitest";
import { AuthenticationError, ConfigurationError, unwrap } from "../../src/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const apiKey = "aila_auth_scheme_test_key";

describe("AILabsAudit authentication schemes", () => {
  it("sends X-Api-Key by default, only that header, and Prism accepts it", async () => {
    const recorder = recordingFetch();
    const client = createAilabsauditClient({ apiKey, baseUrl: mockUrl("ailabsaudit"), fetch: recorder.fetch, rateLimit: false });
    const result = await client.GET("/account/profile");
    expect(result.response.status).toBe(200);
    expect(recorder.calls[0]!.headers.get("x-api-key")).toBe(apiKey);
    expect(recorder.calls[0]!.headers.get("authorization")).toBeNull();
  });

  it('sends Authorization: Bearer with auth: "bearer", only that header, and Prism accepts it', async () => {
    const recorder = recordingFetch();
    const client = createAilabsauditClient({
      apiKey,
      auth: "bearer",
      baseUrl: mockUrl("ailabsaudit"),
      fetch: recorder.fetch,
      rateLimit: false,
    });
    const result = await client.GET("/account/profile");
    expect(result.response.status).toBe(200);
    expect(recorder.calls[0]!.headers.get("authorization")).toBe(`Bearer ${apiKey}`);
    expect(recorder.calls[0]!.headers.get("x-api-key")).toBeNull();
  });

  it("refuses an auth scheme the vendor does not have, naming the ones it has", () => {
    const create = () => createAilabsauditClient({ apiKey, auth: "basic" as "bearer" });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(/auth must be one of "apiKeyHeader", "bearer", got "basic"/);
  });

  for (const header of ["x-api-key", "authorization"] as const) {
    it(`no key (${header} stripped): Prism answers 401 with the vendor's body and the client reports AuthenticationError`, async () => {
      // A fetch that drops the auth header stands in for a request sent without a key.
      const noAuth: typeof fetch = (input, init) => {
        const request = new Request(input as Request, init);
        const headers = new Headers(request.headers);
        headers.delete(header);
        return fetch(new Request(request, { headers }));
      };
      const client = createAilabsauditClient({
        apiKey,
        auth: header === "authorization" ? "bearer" : "apiKeyHeader",
        baseUrl: mockUrl("ailabsaudit"),
        fetch: noAuth,
        rateLimit: false,
      });
      const result = await client.GET("/clients");
      expect(result.response.status).toBe(401);
      expect(result.error).toEqual({ success: false, error: { code: 401, message: "Invalid or missing API key" } });
      const error = (() => {
        try {
          unwrap(result);
        } catch (e) {
          return e;
        }
      })() as AuthenticationError;
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.status).toBe(401);
      expect(error.code).toBe("401");
      expect(error.vendor).toBe("ailabsaudit");
      expect(error.message).toContain("Invalid or missing API key");
      expect(error.message).toContain("listClients");
      expect(JSON.stringify(error)).not.toContain(apiKey);
    });
  }
});

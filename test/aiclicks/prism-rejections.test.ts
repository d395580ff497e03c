// What the spec forbids, Prism refuses — and the client turns each refusal into a typed error.
// With validation on, the client refuses the same requests itself before anything is sent.
import { describe, expect, it } from "vitest";
import { AuthenticationError, BadRequestError, RequestValidationError, unwrap } from "../../src/index.js";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";
const apiKey = "ak_live_rejection_test_key";

describe("requests the AIclicks spec forbids", () => {
  // validate: "off" lets the bad request reach Prism, to prove the mock enforces the spec.
  const unchecked = createAiclicksClient({ apiKey, baseUrl: mockUrl("aiclicks"), validate: "off", rateLimit: false });

  it("missing domain_id: Prism answers 400 {detail} and unwrap throws BadRequestError", async () => {
    const result = await unchecked.GET("/api/v1/prompts", { params: { query: {} as { domain_id: string } } });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual({ detail: expect.any(String) });
    const error = (() => {
      try {
        unwrap(result);
      } catch (e) {
        return e;
      }
    })() as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.status).toBe(400);
    expect(error.vendor).toBe("aiclicks");
    expect(error.requestId).toBe(result.requestId);
    expect(error.message).toContain("listPrompts");
  });

  it("size=500: Prism answers 400 and throwOnError throws BadRequestError", async () => {
    const throwing = createAiclicksClient({ apiKey, baseUrl: mockUrl("aiclicks"), validate: "off", throwOnError: true, rateLimit: false });
    await expect(throwing.GET("/api/v1/prompts", { params: { query: { domain_id, size: 500 } } })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it("no key: Prism answers 401 with the vendor's body and the client reports AuthenticationError", async () => {
    // A fetch that drops the Authorization header stands in for a request sent without a key.
    const noAuth: typeof fetch = (input, init) => {
      const request = new Request(input as Request, init);
      const headers = new Headers(request.headers);
      headers.delete("authorization");
      return fetch(new Request(request, { headers }));
    };
    const client = createAiclicksClient({ apiKey, baseUrl: mockUrl("aiclicks"), fetch: noAuth, rateLimit: false });
    const result = await client.GET("/api/v1/domains");
    expect(result.response.status).toBe(401);
    expect(result.error).toEqual({ detail: "Invalid or revoked API key" });
    expect(() => unwrap(result)).toThrow(AuthenticationError);
    expect(() => unwrap(result)).toThrow(/Invalid or revoked API key/);
  });

  it("with validation on, the client refuses both bad requests before sending anything", async () => {
    const recorder = recordingFetch();
    const client = createAiclicksClient({ apiKey, baseUrl: mockUrl("aiclicks"), fetch: recorder.fetch, rateLimit: false });
    await expect(client.GET("/api/v1/prompts", { params: { query: { domain_id, size: 500 } } })).rejects.toThrow(
      /query\.size.*(expected at most 100|<=100)/,
    );
    await expect(
      client.GET("/api/v1/prompts", { params: { query: {} as { domain_id: string } } }),
    ).rejects.toBeInstanceOf(RequestValidationError);
    expect(recorder.calls).toHaveLength(0);
  });
});

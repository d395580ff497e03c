// A 403 comes back as PermissionDeniedError carrying the vendor's message, and the client says
// which scope each operation needs, so an app can tell a missing scope from an organization that
// may not use the API (Ayliea's messages are too generic to tell them apart).
import { describe, expect, it } from "vitest";
import { AuthenticationError, PermissionDeniedError, unwrap } from "../../src/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { mockUrl } from "../helpers.js";
import { caught, TEST_KEY } from "./support.js";

describe("Ayliea 403s and scopes", () => {
  const client = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), validate: "strict", rateLimit: false });

  it("says which scope each operation needs, as the spec's security requirements list them", () => {
    expect(client.requiredScopes("GET", "/scores")).toEqual(["scores:read"]);
    expect(client.requiredScopes("GET", "/recommendations")).toEqual(["recommendations:read"]);
    expect(client.requiredScopes("GET", "/discovery")).toEqual(["discovery:read"]);
    expect(client.requiredScopes("GET", "/assessments")).toEqual(["assessments:read"]);
  });

  it("admits only the spec's operations in its types, and refuses others from untyped code", () => {
    // @ts-expect-error the API has no POST /scores
    expect(() => client.requiredScopes("POST", "/scores")).toThrow(/no operation POST \/scores/);
    // @ts-expect-error nor a /keys path
    expect(() => client.requiredScopes("GET", "/keys")).toThrow(RangeError);
  });

  it("a key without scores:read: PermissionDeniedError with the vendor's message, explained as the missing scope", async () => {
    const result = await client.GET("/scores", { headers: { Prefer: "code=403, example=missingScope" } });
    expect(result.response.status).toBe(403);
    expect(result.error).toEqual({ error: "API key does not have the required scope" });
    const error = await caught(() => unwrap(result));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain("API key does not have the required scope");

    const why = client.explainForbidden(error, "GET", "/scores", ["recommendations:read", "discovery:read"]);
    expect(why).toMatchObject({ cause: "missing-scope", operation: "GET /scores", required: ["scores:read"], missing: ["scores:read"] });
    expect(why!.message).toContain("scores:read");
  });

  it("explains the result-style error as it comes, the same as the thrown one", async () => {
    const { error } = await client.GET("/scores", { headers: { Prefer: "code=403, example=missingScope" } });
    expect(error).toBeDefined();
    const why = client.explainForbidden(error!, "GET", "/scores", ["discovery:read"]);
    expect(why).toMatchObject({ cause: "missing-scope", operation: "GET /scores", missing: ["scores:read"] });

    const unauthorized = await client.GET("/scores", { headers: { Prefer: "code=401" } });
    expect(unauthorized.response.status).toBe(401);
    expect(client.explainForbidden(unauthorized.error!, "GET", "/scores", [])).toBeUndefined();
    // A look-alike body that no call returned says nothing about a status.
    expect(client.explainForbidden({ error: "API key does not have the required scope" }, "GET", "/scores", [])).toBeUndefined();
  });

  it("a key that has the scope but still gets 403: explained as its organization (not on Enterprise)", async () => {
    const throwing = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), throwOnError: true, rateLimit: false });
    const error = await caught(() =>
      throwing.GET("/discovery", { headers: { Prefer: "code=403, example=notEnterpriseTier" } }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain("API access requires an Enterprise plan");
    const why = client.explainForbidden(error, "GET", "/discovery", ["discovery:read", "scores:read"]);
    expect(why).toMatchObject({ cause: "organization", required: ["discovery:read"], missing: [] });
    expect(why!.message).toMatch(/Enterprise/);
  });

  it("without the key's scopes it names the needed scope and both possible causes", async () => {
    const result = await client.GET("/recommendations", { headers: { Prefer: "code=403" } });
    const why = client.explainForbidden(await caught(() => unwrap(result)), "GET", "/recommendations");
    expect(why).toMatchObject({ cause: "unknown", required: ["recommendations:read"], missing: [] });
    expect(why!.message).toContain("recommendations:read");
    expect(why!.message).toMatch(/Enterprise/);
  });

  it("explains nothing for errors that are not 403s", async () => {
    const noKey: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete("x-api-key");
      return fetch(input, { ...init, headers });
    };
    const keyless = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), fetch: noKey, rateLimit: false });
    const error = await caught(async () => unwrap(await keyless.GET("/scores")));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(client.explainForbidden(error, "GET", "/scores", [])).toBeUndefined();
    expect(client.explainForbidden(new Error("boom"), "GET", "/scores")).toBeUndefined();
  });
});

// What a call returns: data narrowed by checking error, unwrap's type, per-call options.
import { describe, expectTypeOf, test } from "vitest";
import { createAiclicksClient, type components } from "../../src/aiclicks/index.js";
import { errorOf, RateLimitError, unwrap, type ApiError, type CallOptions } from "../../src/index.js";

const client = createAiclicksClient();
type Domains = components["schemas"]["DomainListResponse"];

describe("results", () => {
  test("data is the 200 body once error is ruled out, error the vendor's body otherwise", async () => {
    const result = await client.GET("/api/v1/domains");
    expectTypeOf(result.data).toEqualTypeOf<Domains | undefined>();
    expectTypeOf(result.requestId).toEqualTypeOf<string>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    if (result.error) {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.error).not.toBeUnknown();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<Domains>();
      expectTypeOf(result.data.data.items).toEqualTypeOf<components["schemas"]["Domain"][]>();
    }
  });

  test("errorOf gives the typed error of a result, or of its destructured error body", async () => {
    const result = await client.GET("/api/v1/domains");
    expectTypeOf(errorOf(result)).toEqualTypeOf<ApiError | undefined>();
    const { error } = result;
    if (error) expectTypeOf(errorOf(error)).toEqualTypeOf<ApiError | undefined>();
    const typed = errorOf(result);
    if (typed instanceof RateLimitError) expectTypeOf(typed.retryAfter).toEqualTypeOf<number | undefined>();
  });

  test("unwrap returns the success body, never undefined", async () => {
    expectTypeOf(unwrap(await client.GET("/api/v1/domains"))).toEqualTypeOf<Domains>();
    // @ts-expect-error unwrap takes a call's result, not its data
    unwrap({ data: 1 });
  });

  test("per-call options ride along with params, typed", async () => {
    const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";
    await client.GET("/api/v1/prompts", {
      params: { query: { domain_id } },
      validate: "strict",
      timeoutMs: 5_000,
      maxRetries: 0,
      retryNonIdempotent: false,
      signal: AbortSignal.timeout(10_000),
    });
    await client.GET("/api/v1/domains", { validate: "off" } satisfies CallOptions);
    // @ts-expect-error timeoutMs is a number of milliseconds
    await client.GET("/api/v1/domains", { timeoutMs: "5s" });
    // @ts-expect-error validate is "strict", "warn" or "off"
    await client.GET("/api/v1/domains", { validate: "lenient" });
    // @ts-expect-error a parameter of the wrong type
    await client.GET("/api/v1/prompts", { params: { query: { domain_id, size: "10" } } });
    // @ts-expect-error a path the API does not have
    await client.GET("/api/v1/nothing");
  });
});

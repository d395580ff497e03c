// Vendor specifics: AILabsAudit ids are numbers or strings wherever the API hands them out, and
// Ayliea's explainForbidden takes either form of a failure.
import { describe, expectTypeOf, test } from "vitest";
import { createAilabsauditClient, type AilabsauditId } from "../../src/ailabsaudit/index.js";
import { createAylieaClient, type ForbiddenExplanation, type ResultError } from "../../src/ayliea/index.js";
import { PermissionDeniedError, unwrap } from "../../src/index.js";

describe("AILabsAudit ids", () => {
  const client = createAilabsauditClient();

  test("a response's id goes straight back into a path or a client_id filter", async () => {
    const clients = unwrap(await client.GET("/clients"));
    const first = clients.data[0]!;
    expectTypeOf(first.id).toEqualTypeOf<number | string>();
    await client.GET("/clients/{id}", { params: { path: { id: first.id } } });
    await client.GET("/audits/{id}", { params: { path: { id: 1287 } } });
    await client.GET("/reports/{id}", { params: { path: { id: "1" } } });
    await client.GET("/audits", { params: { query: { client_id: first.id } } });
    expectTypeOf<AilabsauditId>().toEqualTypeOf<number | string>();
    // @ts-expect-error an id is a number or a string, nothing else
    await client.GET("/clients/{id}", { params: { path: { id: true } } });
    // @ts-expect-error and it is required
    await client.GET("/clients/{id}", { params: { path: {} } });
  });
});

describe("Ayliea explainForbidden", () => {
  const client = createAylieaClient();

  test("takes the result's error as it comes, or a caught error", async () => {
    const { error } = await client.GET("/scores");
    if (error) {
      expectTypeOf(error).toExtend<ResultError>();
      expectTypeOf(client.explainForbidden(error, "GET", "/scores", ["scores:read"])).toEqualTypeOf<
        ForbiddenExplanation | undefined
      >();
    }
    try {
      await createAylieaClient({ throwOnError: true }).GET("/discovery");
    } catch (caught) {
      if (caught instanceof PermissionDeniedError) client.explainForbidden(caught, "GET", "/discovery");
      // @ts-expect-error an unknown value must be narrowed to an error first
      client.explainForbidden(caught, "GET", "/discovery");
    }
  });

  test("admits the spec's operations only", () => {
    const denied = new PermissionDeniedError("no", { vendor: "ayliea", status: 403 });
    // @ts-expect-error the API has no /keys
    client.explainForbidden(denied, "GET", "/keys");
    // @ts-expect-error nor a POST /scores
    client.explainForbidden(denied, "POST", "/scores");
  });
});

// The options every vendor client takes: a custom fetch of the form the client calls, and
// `throwOnError: true` typing every result as a success.
import { describe, expectTypeOf, test } from "vitest";
import { createAiclicksClient, type components } from "../../src/aiclicks/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import type { ClientOptions } from "../../src/index.js";

describe("fetch option", () => {
  test("takes a fetch typed as the client calls it, fetch(url: string, init)", () => {
    const custom = (url: string, init?: RequestInit): Promise<Response> => globalThis.fetch(url, init);
    createAiclicksClient({ fetch: custom });
    createAilabsauditClient({ fetch: custom, auth: "bearer" });
    createAiptxClient({ fetch: custom });
    createAylieaClient({ fetch: custom });
    expectTypeOf(custom).toExtend<NonNullable<ClientOptions["fetch"]>>();
  });

  test("takes the global fetch and one that ignores init", () => {
    createAiclicksClient({ fetch: globalThis.fetch });
    createAiclicksClient({ fetch: async (url: string) => new Response(url) });
  });

  test("refuses what the client cannot call", () => {
    // @ts-expect-error a fetch that wants a Request object is not called with one
    createAiclicksClient({ fetch: (request: Request) => globalThis.fetch(request) });
    // @ts-expect-error it must answer with a Response
    createAiclicksClient({ fetch: async (url: string) => url });
  });
});

describe("throwOnError", () => {
  type Domains = components["schemas"]["DomainListResponse"];

  test("true at creation: data is present on every result, error never", async () => {
    const client = createAiclicksClient({ throwOnError: true });
    const result = await client.GET("/api/v1/domains");
    expectTypeOf(result.data).toEqualTypeOf<Domains>();
    expectTypeOf(result.error).toEqualTypeOf<undefined>();
    expectTypeOf(result.requestId).toEqualTypeOf<string>();
    const audits = createAilabsauditClient({ throwOnError: true, auth: "bearer" });
    expectTypeOf((await audits.GET("/clients/{id}", { params: { path: { id: 42 } } })).data).not.toBeNullable();
    expectTypeOf((await createAiptxClient({ throwOnError: true }).GET("/scans")).data).not.toBeNullable();
    expectTypeOf((await createAylieaClient({ throwOnError: true }).GET("/scores")).data).not.toBeNullable();
  });

  test("false, left out, or only known at run time: data stays optional until error is checked", async () => {
    for (const client of [createAiclicksClient(), createAiclicksClient({ throwOnError: false })]) {
      expectTypeOf((await client.GET("/api/v1/domains")).data).toEqualTypeOf<Domains | undefined>();
    }
    const throwOnError: boolean = Math.random() > 0.5;
    expectTypeOf((await createAiclicksClient({ throwOnError }).GET("/api/v1/domains")).data).toEqualTypeOf<Domains | undefined>();
  });

  test("still checks the other options", () => {
    // @ts-expect-error a misspelt option is refused, not swallowed by the generic
    createAiclicksClient({ throwOnError: true, timeoutMS: 5 });
    // @ts-expect-error throwOnError is a boolean
    createAiclicksClient({ throwOnError: "yes" });
  });
});

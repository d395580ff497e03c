// `paginate` takes the same init as `GET`: required when the operation has a required query
// parameter, optional otherwise; its items are typed by `ItemOf`.
import { describe, expectTypeOf, test } from "vitest";
import { createAiclicksClient, type ItemOf, type components } from "../../src/aiclicks/index.js";
import { createAilabsauditClient, type ItemOf as AilabsauditItemOf } from "../../src/ailabsaudit/index.js";
import type { PageBounds, Paginator } from "../../src/index.js";

const client = createAiclicksClient();
const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";

describe("paginate", () => {
  test("refuses a missing init when the list has a required query parameter, as GET does", () => {
    // @ts-expect-error GET /api/v1/prompts needs `domain_id`
    client.GET("/api/v1/prompts");
    // @ts-expect-error so does paginate over it
    client.paginate("/api/v1/prompts");
    // @ts-expect-error and an init without it
    client.paginate("/api/v1/prompts", { params: { query: {} } });
    expectTypeOf(client.paginate("/api/v1/prompts", { params: { query: { domain_id } } })).toEqualTypeOf<
      Paginator<components["schemas"]["Prompt"]>
    >();
  });

  test("leaves init optional when nothing in it is required, and takes bounds after it", () => {
    expectTypeOf(client.paginate("/api/v1/domains")).toEqualTypeOf<Paginator<components["schemas"]["Domain"]>>();
    client.paginate("/api/v1/domains", undefined, { maxItems: 10 });
    client.paginate("/api/v1/prompts", { params: { query: { domain_id, size: 50 } }, timeoutMs: 5_000 }, { maxPages: 2 });
    expectTypeOf<Parameters<typeof client.paginate<"/api/v1/domains">>[2]>().toEqualTypeOf<PageBounds | undefined>();
    // @ts-expect-error a query parameter of the wrong type
    client.paginate("/api/v1/domains", { params: { query: { size: "50" } } });
  });

  test("admits list endpoints only", () => {
    // @ts-expect-error a time series is not a paginated list
    client.paginate("/api/v1/visibility-time-series", { params: { query: { domain_id } } });
  });

  test("ItemOf is the element of the list's items", () => {
    expectTypeOf<ItemOf<"/api/v1/domains">>().toEqualTypeOf<components["schemas"]["Domain"]>();
    expectTypeOf<AilabsauditItemOf<"/clients">>().toHaveProperty("id");
    const audits = createAilabsauditClient();
    expectTypeOf(audits.paginate("/clients")).toEqualTypeOf<Paginator<AilabsauditItemOf<"/clients">>>();
    // @ts-expect-error a sub-collection needs its path id, so init is required
    audits.paginate("/clients/{id}/competitors");
    audits.paginate("/clients/{id}/competitors", { params: { path: { id: 42 } } });
  });
});

// `paginate` walks page after page until page >= total_pages, and never asks for a page past it;
// a server that answers the same page whatever `page` says is walked once, not for ever.
import { describe, expect, it } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";

describe("AIclicks pagination", () => {
  it("against the mock, whose every page is the same example, yields it once and stops at the repeated page 2", async () => {
    const recorder = recordingFetch();
    const warnings: string[] = [];
    const logger = { debug() {}, warn: (message: string) => warnings.push(message) };
    const client = createAiclicksClient({
      apiKey: "ak_live_paginate_key",
      baseUrl: mockUrl("aiclicks"),
      fetch: recorder.fetch,
      logger,
      rateLimit: false,
    });
    const prompts = await client.paginate("/api/v1/prompts", { params: { query: { domain_id, size: 50 } } }).toArray();
    expect(recorder.calls.map((c) => c.url.searchParams.get("page"))).toEqual(["1", "2"]); // the example says total_pages 3
    expect(recorder.calls.every((c) => c.url.searchParams.get("size") === "50")).toBe(true);
    expect(prompts.length).toBe(2); // the example's two prompts, once
    expect(typeof prompts[0]!.text).toBe("string");
    expect(warnings).toEqual([expect.stringContaining("GET /api/v1/prompts stopped")]);
  });

  it("counts `total` at the size the server used (`data.size`): 150 fan-out queries at 50 a page are all walked", async () => {
    const pages: number[] = [];
    const client = createAiclicksClient({
      apiKey: "ak_live_paginate_key",
      validate: "off",
      rateLimit: false,
      fetch: async (input, init) => {
        const page = Number(new URL(new Request(input, init).url).searchParams.get("page"));
        pages.push(page);
        const items = Array.from({ length: 50 }, (_, i) => ({ query: `q${(page - 1) * 50 + i}` }));
        return Response.json({ data: { items, total: 150, page, size: 50 }, generated_at: "2026-06-17T10:00:11.218Z" });
      },
    });
    const queries = await client.paginate("/api/v1/fanout-queries", { params: { query: { domain_id } } }, { maxPages: 10 }).toArray();
    expect(queries).toHaveLength(150);
    expect(pages).toEqual([1, 2, 3]);
  });

  it("honours maxItems and maxPages", async () => {
    const recorder = recordingFetch();
    const client = createAiclicksClient({ apiKey: "ak_live_paginate_key", baseUrl: mockUrl("aiclicks"), fetch: recorder.fetch, rateLimit: false });
    const firstOne = await client.paginate("/api/v1/prompts", { params: { query: { domain_id } } }, { maxItems: 1 }).toArray();
    expect(firstOne).toHaveLength(1);
    expect(recorder.calls).toHaveLength(1);
    const pages = [];
    for await (const page of client.paginate("/api/v1/prompts", { params: { query: { domain_id } } }, { maxPages: 1 }).pages()) {
      pages.push(page);
    }
    expect(pages).toHaveLength(1);
    expect(pages[0]!.number).toBe(1);
  });
});

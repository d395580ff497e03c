// `paginate` walks page after page until page > total_pages, and never asks for a page past it.
import { describe, expect, it } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";

describe("AIclicks pagination", () => {
  it("walks every page the mock reports (total_pages 3) and stops there", async () => {
    const recorder = recordingFetch();
    const client = createAiclicksClient({
      apiKey: "ak_live_paginate_key",
      baseUrl: mockUrl("aiclicks"),
      fetch: recorder.fetch,
      rateLimit: false,
    });
    const prompts = await client.paginate("/api/v1/prompts", { params: { query: { domain_id, size: 50 } } }).toArray();
    expect(recorder.calls.map((c) => c.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(recorder.calls.every((c) => c.url.searchParams.get("size") === "50")).toBe(true);
    expect(prompts.length).toBe(3 * 2); // the mock answers every page with its two-item example
    expect(typeof prompts[0]!.text).toBe("string");
  });

  it("honours maxItems and maxPages", async () => {
    const recorder = recordingFetch();
    const client = createAiclicksClient({ apiKey: "ak_live_paginate_key", baseUrl: mockUrl("aiclicks"), fetch: recorder.fetch, rateLimit: false });
    const firstThree = await client.paginate("/api/v1/prompts", { params: { query: { domain_id } } }, { maxItems: 3 }).toArray();
    expect(firstThree).toHaveLength(3);
    expect(recorder.calls).toHaveLength(2);
    const pages = [];
    for await (const page of client.paginate("/api/v1/prompts", { params: { query: { domain_id } } }, { maxPages: 1 }).pages()) {
      pages.push(page);
    }
    expect(pages).toHaveLength(1);
    expect(pages[0]!.number).toBe(1);
  });
});

// `paginate` asks for `limit` items at offsets 0, limit, 2·limit … and stops after the first
// short page — or after the empty page that follows an exactly-full last one. Items come from
// each endpoint's own list: `recommendations`, or discovery's `platforms` (never its `scan`).
import { describe, expect, it } from "vitest";
import { PermissionDeniedError } from "../../src/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";
import { caught, completedScan, platform, recommendation, TEST_KEY } from "./support.js";

/**
 * A fetch serving page `i` with `pageSizes[i]` items numbered from the requested offset. A page
 * past the script answers 404, which paginate does not retry, so over-fetching fails the test.
 */
function scriptedPages(pageSizes: number[], body: (offset: number, size: number) => object) {
  const urls: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(new Request(input, init).url);
    urls.push(url);
    const size = pageSizes[urls.length - 1];
    if (size === undefined) return Response.json({ error: "asked for a page past the script" }, { status: 404 });
    return Response.json(body(Number(url.searchParams.get("offset")), size));
  };
  const asked = (param: string) => urls.map((u) => u.searchParams.get(param));
  return { fetch, asked };
}

const recommendationsPage = (offset: number, size: number) => ({
  recommendations: Array.from({ length: size }, (_, i) => recommendation(offset + i)),
});
const discoveryPage = (offset: number, size: number) => ({
  scan: completedScan,
  platforms: Array.from({ length: size }, (_, i) => platform(offset + i)),
});

const clientWith = (fetch: typeof globalThis.fetch) =>
  createAylieaClient({ apiKey: TEST_KEY, fetch, validate: "strict", rateLimit: false, maxRetries: 0 });

describe("Ayliea pagination", () => {
  it("walks full pages of `limit` recommendations and stops after the short one", async () => {
    const script = scriptedPages([2, 2, 2, 1], recommendationsPage);
    const items = await clientWith(script.fetch)
      .paginate("/recommendations", { params: { query: { limit: 2 } } })
      .toArray();
    expect(script.asked("offset")).toEqual(["0", "2", "4", "6"]);
    expect(script.asked("limit")).toEqual(["2", "2", "2", "2"]);
    expect(items.map((r) => r.title)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => `Recommendation ${n}`));
  });

  it("after an exactly-full last page, takes one empty page and stops (discovery platforms)", async () => {
    const script = scriptedPages([3, 3, 0], discoveryPage);
    const platforms = await clientWith(script.fetch)
      .paginate("/discovery", { params: { query: { limit: 3 } } })
      .toArray();
    expect(script.asked("offset")).toEqual(["0", "3", "6"]);
    expect(platforms.map((p) => p.platform_name)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `Platform ${n}`));
    // The scan repeats on every page but is not a list item.
    expect(platforms.every((p) => p.platform_type === "llm_chat")).toBe(true);
  });

  it("a server (or proxy) that ignores `offset` gets one full page and a warning, not an endless walk", async () => {
    const urls: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(new Request(input, init).url);
      return Response.json(recommendationsPage(0, 2));
    };
    const warnings: string[] = [];
    const logger = { debug() {}, warn: (message: string) => warnings.push(message) };
    const client = createAylieaClient({ apiKey: TEST_KEY, fetch, logger, validate: "strict", rateLimit: false });
    const items = await client.paginate("/recommendations", { params: { query: { limit: 2 } } }, { maxPages: 10 }).toArray();
    expect(items.map((r) => r.title)).toEqual(["Recommendation 0", "Recommendation 1"]);
    expect(urls).toHaveLength(2);
    expect(warnings).toEqual([expect.stringContaining("GET /recommendations stopped")]);
  });

  it("uses the maximum page size, 100, when no limit is given", async () => {
    const script = scriptedPages([100, 40], recommendationsPage);
    const items = await clientWith(script.fetch).paginate("/recommendations").toArray();
    expect(script.asked("limit")).toEqual(["100", "100"]);
    expect(script.asked("offset")).toEqual(["0", "100"]);
    expect(items).toHaveLength(140);
    expect(new Set(items.map((r) => r.id)).size).toBe(140);
  });

  it("starts at the caller's offset and reports each page's offset", async () => {
    const script = scriptedPages([5, 5, 2], discoveryPage);
    const offsets: number[] = [];
    for await (const page of clientWith(script.fetch)
      .paginate("/discovery", { params: { query: { limit: 5, offset: 10 } } })
      .pages()) {
      offsets.push(page.number);
    }
    expect(offsets).toEqual([10, 15, 20]);
    expect(script.asked("offset")).toEqual(["10", "15", "20"]);
  });

  it("stops at maxItems without fetching further pages", async () => {
    const script = scriptedPages([10, 10, 10], recommendationsPage);
    const items = await clientWith(script.fetch)
      .paginate("/recommendations", { params: { query: { limit: 10 } } }, { maxItems: 15 })
      .toArray();
    expect(items).toHaveLength(15);
    expect(script.asked("offset")).toEqual(["0", "10"]);
  });

  it("throws the typed error of a failed page", async () => {
    let calls = 0;
    const fetch = async () =>
      ++calls === 1
        ? Response.json(recommendationsPage(0, 2))
        : Response.json({ error: "API key does not have the required scope" }, { status: 403 });
    const error = await caught(() =>
      clientWith(fetch).paginate("/recommendations", { params: { query: { limit: 2 } } }).toArray(),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain("API key does not have the required scope");
    expect(calls).toBe(2);
  });

  it("against Prism: the two-item example is a short page, so one request yields both items", async () => {
    const recorder = recordingFetch();
    const client = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), fetch: recorder.fetch, validate: "strict", rateLimit: false });
    const platforms = await client.paginate("/discovery").toArray();
    expect(platforms.map((p) => p.platform_name)).toEqual(["ChatGPT", "GitHub Copilot"]);
    expect(recorder.calls).toHaveLength(1);
    expect(recorder.calls[0]!.url.searchParams.get("limit")).toBe("100");
  });
});

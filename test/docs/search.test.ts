// The landing page's cross-vendor search in chromium: for an operation of each vendor, typing its
// summary, operationId, path or a field name finds it, and its link opens that operation on the
// vendor's Redoc page. Also each vendor's "What changed" page loads cleanly.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { searchEntries, type SearchEntry } from "../../scripts/docs/search-index.js";
import { listVendors, repoRoot } from "../../scripts/vendors.js";
import { ensureSite, launchChromium, openPage, serve } from "./browser.js";

const PAGE_TIMEOUT = 90_000;
const vendors = listVendors().map((v) => v.name);

let browser: Browser | undefined;
let server: Server | undefined;
let origin = "";

beforeAll(async () => {
  await ensureSite();
  ({ server, origin } = await serve());
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

/** The operation to look for: one under a multi-word tag where the vendor has one (its slug has a "-"), else the last. */
function pick(vendor: string): SearchEntry {
  const entries = searchEntries(vendor);
  return entries.findLast((e) => e.href.split("#/")[1]!.split("/")[0]!.includes("-")) ?? entries[entries.length - 1]!;
}

/** The operation's field name that the fewest operations of all vendors share, to search by. */
function rarestField(entry: SearchEntry): string {
  const all = vendors.flatMap(searchEntries);
  const sharing = (f: string) => all.filter((e) => e.fields.some((g) => g.toLowerCase().includes(f.toLowerCase()))).length;
  const field = [...entry.fields].sort((a, b) => sharing(a) - sharing(b))[0]!;
  // The page shows the first 30 matches; a field shared by more could hide this operation.
  expect(sharing(field), `operations with a field like ${field}`).toBeLessThanOrEqual(30);
  return field;
}

describe("landing page search across vendors", () => {
  it.each(vendors)("finds an operation of %s by summary, operationId, path and field, and lands on it", { timeout: PAGE_TIMEOUT }, async (vendor) => {
    const entry = pick(vendor);
    const recorded = await openPage(browser!, origin, "/");
    try {
      const { page } = recorded;
      const result = page.locator(`a.search-result[data-vendor="${vendor}"][data-operation-id="${entry.operationId}"]`);
      for (const query of [entry.summary, entry.operationId, entry.path, rarestField(entry)]) {
        await page.locator("#search").fill(query);
        await result.waitFor();
        expect(await result.getAttribute("href"), query).toBe(entry.href);
      }
      await page.locator("#search").fill("no-such-operation-anywhere");
      await page.getByText("No operation matches.").waitFor();
      await page.locator("#search").fill(entry.operationId);
      await result.click();
      await page.waitForURL(`**/${entry.href}`);
      // Redoc renders the operation's section, with its summary as heading, at the route.
      const section = page.locator(`[id="${entry.href.split("#/")[1]}"]`);
      await section.waitFor();
      expect((await section.locator("h2").first().innerText()).trim()).toBe(entry.summary);
      await page.waitForLoadState("networkidle");
      expect(recorded.problems).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});

describe("What changed pages", () => {
  it.each(vendors)("%s: lists the releases from CHANGELOG.md and the changes since the last one", { timeout: PAGE_TIMEOUT }, async (vendor) => {
    const version = readFileSync(`${repoRoot}/release/baseline/version`, "utf8").trim();
    const recorded = await openPage(browser!, origin, `/${vendor}/changes.html`);
    try {
      const { page } = recorded;
      expect(await page.locator("#unreleased h2").innerText()).toContain(`Since ${version}`);
      expect(await page.locator(`[id="v${version}"] h2`).innerText()).toContain(version);
      // The release's section for this vendor lists its operations, the search's first one among them.
      expect(await page.locator(`[id="v${version}"]`).innerText()).toContain(searchEntries(vendor)[0]!.path);
      await page.waitForLoadState("networkidle");
      expect(recorded.problems).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});

// The built docs site in a real browser (Debian's chromium via playwright-core): every page loads
// cleanly from its own origin and nothing else, the landing page links every vendor, each Redoc
// page reaches every operation of its spec, finds operations by summary and shows curl and
// TypeScript samples; the landing page's search finds an operation of each vendor and lands on it;
// each vendor's What changed page loads. Screenshots land in test-results/docs/ for people to look at.
import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchEntries, type SearchEntry } from "../../scripts/docs/search-index.js";
import { readChangelog } from "../../scripts/release/changelog.js";
import { listVendors, repoRoot } from "../../scripts/vendors.js";
import { ensureSite, launchChromium, openPage, serve, type RecordedPage } from "./browser.js";

const SCREENSHOTS = `${repoRoot}/test-results/docs`;
const PAGE_TIMEOUT = 60_000;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const vendors = listVendors().map((v) => v.name);

interface SpecOperation {
  operationId: string;
  summary: string;
  tags: string[];
}

function operationsOf(vendor: string): SpecOperation[] {
  const spec = JSON.parse(readFileSync(`${repoRoot}/generated/${vendor}/openapi.json`, "utf8")) as {
    paths: Record<string, Record<string, SpecOperation>>;
  };
  return Object.values(spec.paths).flatMap((item) =>
    METHODS.flatMap((m) => (item[m] ? [{ operationId: item[m].operationId, summary: item[m].summary, tags: item[m].tags ?? [] }] : [])),
  );
}

// Redoc routes each operation at #/<tag>/<operationId, lower-cased>.
const routeEndsWith = (href: string, operationId: string) => href.toLowerCase().endsWith(`/${operationId.toLowerCase()}`);

let browser: Browser | undefined;
let server: Server | undefined;
let origin = "";

beforeAll(async () => {
  await ensureSite();
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ server, origin } = await serve());
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

/** Opens a page, runs the checks, then fails on anything the page did wrong along the way. */
async function onPage(
  path: string,
  check: (page: Page) => Promise<void>,
  options: { controlClock?: boolean } = {},
): Promise<void> {
  const recorded: RecordedPage = await openPage(browser!, origin, path, options);
  try {
    try {
      await check(recorded.page);
    } catch (error) {
      // What went wrong on the page usually explains the failed check: show both.
      if (error instanceof Error && recorded.problems.length) {
        error.message += `\nproblems on ${path}:\n  ${recorded.problems.join("\n  ")}`;
      }
      throw error;
    }
    // Let late requests and errors (lazy chunks, hydration) surface before judging the page.
    await recorded.page.waitForLoadState("networkidle");
    expect(recorded.problems, `problems on ${path}`).toEqual([]);
  } finally {
    await recorded.close();
  }
}

/** Waits for Redoc to hydrate the server-rendered page (until then clicks do nothing) and index it for search. */
async function redocReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const trigger = document.querySelector("[data-testid='search-trigger']");
    return (
      trigger !== null &&
      Object.keys(trigger).some((key) => key.startsWith("__reactProps$")) &&
      !trigger.textContent?.includes("Loading")
    );
  });
}

/** Opens one operation by its sidebar route and returns its rendered section. */
async function showOperation(page: Page, href: string) {
  await page.evaluate((hash) => (location.hash = hash), href.slice(href.indexOf("#")));
  const section = page.locator(`[id="${href.slice(href.indexOf("#") + 2)}"]`);
  await section.waitFor();
  return section;
}

describe("landing page", () => {
  it("loads cleanly, links every vendor's reference and specs, and is screenshotted", { timeout: PAGE_TIMEOUT }, async () => {
    await onPage("/", async (page) => {
      const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      const references = hrefs.filter((h) => /^[^/]+\/index\.html$/.test(h)).map((h) => h.split("/")[0]);
      expect(new Set(references)).toEqual(new Set(vendors));
      for (const vendor of vendors) {
        const reference = page.locator(`a.primary[href="${vendor}/index.html"]`);
        expect(await reference.isVisible(), `${vendor}: visible "API reference" link`).toBe(true);
        expect(hrefs).toContain(`${vendor}/openapi.json`);
        expect(hrefs).toContain(`${vendor}/openapi.yaml`);
      }
      // Every link on the page leads somewhere that exists on the site.
      for (const href of new Set(hrefs)) {
        const response = await fetch(new URL(href, `${origin}/`));
        expect(response.status, href).toBe(200);
        await response.body?.cancel();
      }
      await page.screenshot({ path: `${SCREENSHOTS}/index.png`, fullPage: true });
    });
  });
});

describe.each(vendors)("%s reference page", (vendor) => {
  const operations = operationsOf(vendor);
  const path = `/${vendor}/index.html`;

  it("loads cleanly from its own origin only, with the package's logo, and is screenshotted", { timeout: PAGE_TIMEOUT }, async () => {
    await onPage(path, async (page) => {
      await redocReady(page);
      expect(await page.title()).toContain("ai-vendor-contracts");
      // Redoc's footer badge loads its logo from a CDN unless scripts/docs.ts swapped in a local
      // one, and Redoc drops an image that fails to load: so it must be there, local and loaded.
      // Loaded or failed, every image must be settled before it is judged.
      await page.waitForFunction(() => document.images.length > 0 && [...document.images].every((img) => img.complete));
      const images = await page.locator("img").evaluateAll((imgs) =>
        imgs.map((img) => ({ src: (img as HTMLImageElement).src, loaded: (img as HTMLImageElement).naturalWidth > 0 })),
      );
      expect(images.length, "images on the page").toBeGreaterThan(0);
      for (const image of images) expect(image).toEqual({ src: expect.stringMatching(`^${origin}/assets/`), loaded: true });
      await page.screenshot({ path: `${SCREENSHOTS}/${vendor}.png` });
      // Run a minute of timers: anything queued to be sent later (Redoc batches beacons) goes out now.
      await page.clock.runFor(60_000);
    }, { controlClock: true });
  });

  it(`reaches and renders every operation of the spec (${operations.length})`, { timeout: 2 * PAGE_TIMEOUT }, async () => {
    await onPage(path, async (page) => {
      await redocReady(page);
      // Operations are listed in the sidebar under their tag; opening each tag lists them all.
      const menu = page.locator(".menu-content");
      const groups = menu.locator("[data-component-name='Menu/MenuItem'].menu-item-type-group > a");
      const routes = new Map<string, string>();
      for (let i = 0, n = await groups.count(); i < n; i++) {
        const group = groups.nth(i);
        const tag = (await group.innerText()).trim();
        const expected = operations.filter((op) => op.tags.includes(tag)).length;
        expect(expected, `operations tagged "${tag}" in the spec`).toBeGreaterThan(0);
        // A click toggles the group, and Redoc may have opened it already (it opens the group of
        // the section in view): click until its items show. Redoc renders them on its own
        // schedule, so each look waits, however long a busy machine takes.
        const last = group.locator("xpath=..").locator(".menu-item-type-operation a[href^='#/']").nth(expected - 1);
        for (let clicks = 0; !(await last.isVisible()); clicks++) {
          expect(clicks, `clicks to open the "${tag}" group`).toBeLessThan(4);
          await group.click();
          await last.waitFor({ timeout: 10_000 }).catch(() => {});
        }
        for (const [href, label] of await menu
          .locator("[data-component-name='Menu/MenuItem'] a[href^='#/']")
          .evaluateAll((links) => links.map((a) => [a.getAttribute("href")!, (a as HTMLElement).innerText] as const))) {
          routes.set(href, label);
        }
      }
      const operationRoutes = [...routes.keys()].filter((h) => /^#\/[^/]+\/[^/]+$/.test(h) && !h.startsWith("#/section/"));
      const missing = operations.filter((op) => !operationRoutes.some((h) => routeEndsWith(h, op.operationId)));
      expect(missing.map((op) => op.operationId), "operationIds without a route in the sidebar").toEqual([]);
      expect(operationRoutes.length, "operations in the sidebar").toBe(operations.length);

      for (const op of operations) {
        const href = operationRoutes.find((h) => routeEndsWith(h, op.operationId))!;
        const section = await showOperation(page, href);
        const heading = (await section.locator("h2").first().innerText()).trim();
        expect(heading, `${op.operationId}: heading`).toBe(op.summary);
      }
    });
  });

  it("search finds an operation by its summary and opens it", { timeout: PAGE_TIMEOUT }, async () => {
    const op = operations[operations.length - 1]!;
    await onPage(path, async (page) => {
      await redocReady(page);
      await page.locator("[data-testid='search-trigger']").click();
      await page.getByPlaceholder("Search docs...").fill(op.summary);
      const result = page.locator("a[data-component-name='Search/SearchItem']").filter({ hasText: op.summary }).first();
      await result.waitFor();
      expect(routeEndsWith((await result.getAttribute("href"))!, op.operationId), `${op.operationId}: result route`).toBe(true);
      await result.click();
      const section = page.locator(`[id$="/${op.operationId.toLowerCase()}"]`).first();
      await section.waitFor();
      expect((await section.locator("h2").first().innerText()).trim()).toBe(op.summary);
    });
  });

  it("shows curl and TypeScript samples for an operation", { timeout: PAGE_TIMEOUT }, async () => {
    const op = operations[0]!;
    await onPage(path, async (page) => {
      await redocReady(page);
      const groups = page.locator(".menu-content [data-component-name='Menu/MenuItem'].menu-item-type-group > a");
      await groups.first().click();
      const href = await page.locator(`.menu-content a[href$="/${op.operationId.toLowerCase()}"]`).first().getAttribute("href");
      const section = await showOperation(page, href!);
      const samples = section.locator(".panel-request-samples");
      const code = samples.locator("[data-component-name='CodeBlock/CodeBlockContainer']");
      // The active language is the first configured one: curl.
      const picker = samples.locator("[data-component-name='Dropdown/Dropdown']").last().locator("button").first();
      expect((await picker.innerText()).trim()).toBe("curl");
      expect(await code.innerText()).toMatch(/^curl -X [A-Z]+ "https:\/\//);
      await picker.click();
      // The language menu is rendered in a portal, outside the operation's section.
      const typescript = page.getByRole("menuitem", { name: "TypeScript", exact: true });
      await typescript.waitFor();
      const languages = await page.getByRole("menuitem").allInnerTexts();
      expect(languages.map((l) => l.trim())).toEqual(expect.arrayContaining(["curl", "TypeScript"]));
      await typescript.click();
      const factory = `create${vendor.charAt(0).toUpperCase()}${vendor.slice(1)}Client`;
      await page.waitForFunction(
        ([id, text]) => document.querySelector(`[id="${id}"] .panel-request-samples`)?.textContent?.includes(text),
        [href!.slice(2), factory] as const,
      );
      expect(await code.innerText()).toContain(`import { ${factory} } from "ai-vendor-contracts/${vendor}";`);
    });
  });
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
  it.each(vendors)("finds an operation of %s by summary, operationId, path and field, and lands on it", { timeout: 2 * PAGE_TIMEOUT }, async (vendor) => {
    const entry = pick(vendor);
    await onPage("/", async (page) => {
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
    });
  });
});

describe("What changed pages", () => {
  const version = readFileSync(`${repoRoot}/release/baseline/version`, "utf8").trim();
  it.each(vendors)("%s: lists the releases from CHANGELOG.md and the changes since the last one", { timeout: PAGE_TIMEOUT }, async (vendor) => {
    await onPage(`/${vendor}/changes.html`, async (page) => {
      expect(await page.locator("#unreleased h2").innerText()).toContain(`Since ${version}`);
      expect(await page.locator(`[id="v${version}"] h2`).innerText()).toContain(version);
      // The release's section for this vendor shows what CHANGELOG.md says of it: its first item.
      const section = readChangelog(readFileSync(`${repoRoot}/CHANGELOG.md`, "utf8")).find((e) => e.version === version)!.vendors.get(vendor)!;
      const firstItem = /^- (.*)$/m.exec(section)![1]!.replace(/`/g, "");
      expect(await page.locator(`[id="v${version}"]`).innerText()).toContain(firstItem.slice(0, 60));
    });
  });
});

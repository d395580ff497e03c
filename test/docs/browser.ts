// Browser plumbing for the docs-site tests: Debian's chromium driven by playwright-core, site/
// served on loopback, and pages that record everything that should never happen on the site.
import { existsSync, readdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildSite } from "../../scripts/docs.js";
import { serveSite } from "../../scripts/serve-docs.js";
import { listVendors, repoRoot } from "../../scripts/vendors.js";

export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches chromium, or fails with why and how to fix it: a missing browser never skips the tests. */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `chromium could not start (executable ${CHROMIUM}): ${reason}\n` +
        "Install it with: apt-get update && apt-get install -y chromium",
      { cause: error },
    );
  }
}

/**
 * Builds site/ when it is missing or older than what it is built from (the bundled specs and the
 * docs scripts), so `npm test` works on a fresh checkout and never checks a stale site.
 */
export async function ensureSite(): Promise<void> {
  const index = `${repoRoot}/site/index.html`;
  const sources = [
    `${repoRoot}/scripts/docs.ts`,
    ...readdirSync(`${repoRoot}/scripts/docs`).map((f) => `${repoRoot}/scripts/docs/${f}`),
    ...listVendors().map((v) => `${repoRoot}/generated/${v.name}/openapi.json`),
    // The "What changed" pages, and the search index built from the diff and release code.
    `${repoRoot}/CHANGELOG.md`,
    `${repoRoot}/release/baseline/version`,
    ...readdirSync(`${repoRoot}/scripts/release`).map((f) => `${repoRoot}/scripts/release/${f}`),
  ];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (!built || sources.some((file) => statSync(file).mtimeMs > built)) await buildSite();
}

/** Serves site/ on a free loopback port; resolves with the server and its origin. */
export async function serve(): Promise<{ server: Server; origin: string }> {
  const server = serveSite(0);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export interface RecordedPage {
  page: Page;
  /** Console errors, uncaught exceptions, failed requests and requests outside the origin. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Opens `path` on the test server in a fresh context and records every problem from the start.
 * `controlClock` installs Playwright's clock so a test can fast-forward past timers that would
 * otherwise fire after it ended (Redoc batches its beacons for 5 s).
 */
export async function openPage(
  browser: Browser,
  origin: string,
  path: string,
  options: { controlClock?: boolean } = {},
): Promise<RecordedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (options.controlClock) await page.clock.install();
  const problems: string[] = [];
  // data: and blob: URLs are made inside the page (Redoc turns the inlined spec into blob: download
  // links) and fetch nothing from any network, so they are not requests outside the origin.
  const outside = (url: URL) => url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin;
  page.on("request", (request) => {
    if (outside(new URL(request.url()))) problems.push(`request outside the origin: ${request.method()} ${request.url()}`);
  });
  // Recorded above; aborted here so a test run never reaches another site even when it could.
  await page.route(outside, (route) => route.abort("blockedbyclient"));
  page.on("requestfailed", (request) => {
    if (!outside(new URL(request.url()))) problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
  await page.goto(`${origin}${path}`, { waitUntil: "load" });
  return { page, problems, close: () => page.context().close() };
}

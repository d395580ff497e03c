// `npm run docs`: builds site/ — a landing page and one self-contained Redoc page per vendor, with
// curl and TypeScript samples on every operation, and the bundled spec as JSON and YAML beside it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";
import { operationsOf, type BundledSpec } from "../src/cli/spec-examples.js";
import { codeSamples, sampleContext } from "./docs/code-samples.js";
import { changesPage } from "./docs/changes-page.js";
import { landingPage, type VendorCard } from "./docs/landing.js";
import { searchBox } from "./docs/search-box.js";
import { searchEntries } from "./docs/search-index.js";
import { LOGO_SVG, PACKAGE_NAME, REDOC_BADGE_SVG, REDOC_CSS } from "./docs/theme.js";
import { readChangelog } from "./release/changelog.js";
import { changesSinceBaseline } from "./release/guard.js";
import { bin, run } from "./run.js";
import { listVendors, repoRoot } from "./vendors.js";

const site = `${repoRoot}/site`;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
// Redoc's footer logo is an <img> pointing at its CDN even in an inlined bundle; ours replaces it.
const REDOC_CDN_LOGOS = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];

// Redoc 3 shows an x-codeSamples entry only if its label (or lang) is one of `codeSamples.languages`,
// whose default list has curl but no TypeScript; "Payload" keeps the request-body tab.
const REDOC_OPTIONS = { codeSamples: { languages: [{ lang: "curl" }, { lang: "TypeScript" }, { lang: "Payload" }] } };

type Spec = {
  info: { title: string; version: string; summary?: string; description?: string };
  servers: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string; in?: string; name?: string }> };
  [key: string]: unknown;
};

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function describeAuth(spec: Spec, envVar: string): string {
  const schemes = Object.values(spec.components?.securitySchemes ?? {});
  const parts = schemes.map((s) =>
    s.type === "apiKey" ? `${s.name} header` : s.type === "http" ? `Authorization: ${pascal(s.scheme ?? "")}` : s.type,
  );
  return `${parts.join(" or ")} (key from ${envVar})`;
}

function firstSentence(spec: Spec): string {
  const text = spec.info.summary ?? spec.info.description ?? spec.info.title;
  return text.replace(/[#*_`]/g, "").trim().split(/(?<=\.)\s/)[0]!.trim();
}

async function buildVendor(vendor: string): Promise<VendorCard> {
  const { "x-generated": _marker, ...spec } = JSON.parse(
    readFileSync(`${repoRoot}/generated/${vendor}/openapi.json`, "utf8"),
  ) as Spec;
  const ctx = sampleContext(vendor, spec as unknown as BundledSpec);
  const { envVar, clientFactory } = ctx;
  const docsSpec = structuredClone(spec);
  let operations = 0;
  // The samples are built from each operation with its path item's parameters merged in.
  for (const { method, path, op } of operationsOf(ctx.spec)) {
    const target = docsSpec.paths[path]?.[method];
    if (!target || !METHODS.includes(method)) continue;
    operations++;
    target["x-codeSamples"] = codeSamples(method, path, op, ctx);
  }
  const dir = `${site}/${vendor}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/openapi.json`, `${JSON.stringify(spec, null, 2)}\n`);
  writeFileSync(`${dir}/openapi.yaml`, stringify(spec, { lineWidth: 0 }));
  const docsInput = `${dir}/.docs-input.json`;
  writeFileSync(docsInput, JSON.stringify(docsSpec));
  try {
    await run(bin("redocly"), [
      "build-docs", docsInput, "--output", `${dir}/index.html`, "--inlineBundle",
      "--title", `${spec.info.title} reference — ${PACKAGE_NAME}`,
      "--openapi", JSON.stringify(REDOC_OPTIONS),
    ]);
  } finally {
    rmSync(docsInput, { force: true });
  }
  let html = readFileSync(`${dir}/index.html`, "utf8");
  if (!html.includes(`"disableTelemetry":true`)) {
    throw new Error(`${dir}/index.html would send Redoc telemetry to otel.cloud.redocly.com (REDOCLY_TELEMETRY=off was not honoured)`);
  }
  for (const logo of REDOC_CDN_LOGOS) html = html.split(logo).join("../assets/redoc.svg");
  html = html.replace("</head>", `<link rel="icon" href="../assets/logo.svg" type="image/svg+xml"><style>${REDOC_CSS}</style></head>`);
  writeFileSync(`${dir}/index.html`, html);

  return {
    vendor,
    title: spec.info.title,
    summary: firstSentence(spec),
    baseUrl: spec.servers[0]!.url,
    auth: describeAuth(spec, envVar),
    operations,
    version: spec.info.version,
    snippet: [
      `import { ${clientFactory} } from "${PACKAGE_NAME}/${vendor}";`,
      ``,
      `const client = ${clientFactory}(); // reads ${envVar}`,
      `const { data, error, requestId } = await client.GET("${Object.keys(spec.paths)[0]}"${
        (Object.values(spec.paths)[0]?.get?.parameters as { required?: boolean }[] | undefined)?.some((p) => p.required) ? ", { params: { … } }" : ""
      });`,
    ].join("\n"),
  };
}

export async function buildSite(): Promise<string[]> {
  // Redoc 3 pages post usage traces to otel.cloud.redocly.com unless the CLI that builds them runs
  // with telemetry off (its --openapi.disableTelemetry flag is ignored); this also silences the
  // CLI's own usage report. buildVendor checks every page came out with telemetry disabled.
  process.env.REDOCLY_TELEMETRY = "off";
  rmSync(site, { recursive: true, force: true });
  mkdirSync(`${site}/assets`, { recursive: true });
  writeFileSync(`${site}/assets/logo.svg`, LOGO_SVG);
  writeFileSync(`${site}/assets/redoc.svg`, REDOC_BADGE_SVG);
  const cards = await Promise.all(listVendors().map((v) => buildVendor(v.name)));
  const search = searchBox(cards.flatMap((c) => searchEntries(c.vendor)), cards.length);
  writeFileSync(`${site}/index.html`, landingPage(cards, search));
  // "What changed" per vendor: the diff since the last release, then its CHANGELOG.md sections.
  const { baselineVersion, changes } = changesSinceBaseline(repoRoot);
  const changelog = readChangelog(readFileSync(`${repoRoot}/CHANGELOG.md`, "utf8"));
  for (const card of cards) {
    const since = { version: baselineVersion, changes: changes.get(card.vendor) ?? [] };
    writeFileSync(`${site}/${card.vendor}/changes.html`, changesPage(card.vendor, card.title, since, changelog));
  }
  return cards.map((c) => c.vendor);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const vendors = await buildSite();
  console.log(`site/ built: index.html + ${vendors.map((v) => `${v}/index.html`).join(", ")}`);
}

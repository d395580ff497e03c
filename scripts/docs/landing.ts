// The landing page: one card per vendor with what a newcomer needs before opening the reference.
import { SEARCH_CSS } from "./search-box.js";
import { COLORS, FONT_STACK, MONO_STACK, PACKAGE_NAME } from "./theme.js";

export interface VendorCard {
  vendor: string;
  title: string;
  summary: string;
  baseUrl: string;
  auth: string;
  operations: number;
  version: string;
  snippet: string;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function card(v: VendorCard): string {
  return `
  <section class="vendor" id="${v.vendor}">
    <h2><a href="${v.vendor}/index.html">${escape(v.title)}</a></h2>
    <p class="summary">${escape(v.summary)}</p>
    <dl>
      <dt>Base URL</dt><dd><code>${escape(v.baseUrl)}</code></dd>
      <dt>Auth</dt><dd>${escape(v.auth)}</dd>
      <dt>Operations</dt><dd>${v.operations}</dd>
      <dt>Spec version</dt><dd>${escape(v.version)}</dd>
    </dl>
    <p class="links"><a class="primary" href="${v.vendor}/index.html">API reference</a>
      <a href="${v.vendor}/openapi.json" download>openapi.json</a>
      <a href="${v.vendor}/openapi.yaml" download>openapi.yaml</a>
      <a href="${v.vendor}/changes.html">What changed</a></p>
    <pre><code>${escape(v.snippet)}</code></pre>
  </section>`;
}

/** `search`: the cross-vendor search box (scripts/docs/search-box.ts), shown above the cards. */
export function landingPage(cards: VendorCard[], search = ""): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PACKAGE_NAME} — API reference</title>
<link rel="icon" href="assets/logo.svg" type="image/svg+xml">
<style>
  body { margin: 0; font-family: ${FONT_STACK}; color: ${COLORS.ink}; background: ${COLORS.paper}; }
  header { padding: 2.5rem 1.5rem 1rem; max-width: 72rem; margin: 0 auto; }
  header h1 { margin: 0 0 .5rem; font-size: 2rem; display: flex; gap: .75rem; align-items: center; }
  header p { margin: 0; max-width: 48rem; line-height: 1.5; }
  main { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); align-items: start; gap: 1.25rem; padding: 1.5rem; max-width: 72rem; margin: 0 auto; }
  .vendor { background: #fff; border: 1px solid ${COLORS.line}; border-radius: 10px; padding: 1.25rem 1.5rem; }
  .vendor h2 { margin: 0 0 .25rem; } .vendor h2 a { color: ${COLORS.ink}; text-decoration: none; }
  .summary { margin: 0 0 .75rem; line-height: 1.45; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; margin: 0 0 .75rem; font-size: .92rem; }
  dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
  .links a { margin-right: .75rem; color: ${COLORS.accent}; }
  .links a.primary { font-weight: 600; }
  pre { background: ${COLORS.ink}; color: #f8fafc; border-radius: 8px; padding: .9rem 1rem; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: .82rem/1.45 ${MONO_STACK}; }
  footer { text-align: center; padding: 1.5rem; font-size: .85rem; color: #555; }${SEARCH_CSS}
</style>
</head>
<body>
<header>
  <h1><img src="assets/logo.svg" alt="${PACKAGE_NAME}" width="264" height="36"></h1>
  <p>Exact OpenAPI 3.1 descriptions, typed TypeScript clients, zod schemas and Prism mocks for ${cards.length} AI-audit and AI-security APIs. Each reference below is generated from the spec that ships in the <code>${PACKAGE_NAME}</code> package.</p>
</header>${search}
<main>${cards.map(card).join("\n")}
</main>
<footer>Built from the specs in <code>${PACKAGE_NAME}</code>. Every page works offline and loads nothing from other sites.</footer>
</body>
</html>
`;
}

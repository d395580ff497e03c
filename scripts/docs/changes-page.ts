// A vendor's "What changed" page: the changes since the last release (from the spec diff, at
// build time) and every release's section for this vendor from CHANGELOG.md.
import type { Change } from "../../src/cli/diff/compare.js";
import { draftVendorSection, type ChangelogEntry } from "../release/changelog.js";
import { COLORS, FONT_STACK, MONO_STACK, PACKAGE_NAME } from "./theme.js";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const inline = (s: string) => escape(s).replace(/`([^`]+)`/g, "<code>$1</code>");

/** The little Markdown a changelog section uses: #### headings, - bullets, paragraphs, `code`. */
function markdown(text: string): string {
  const html: string[] = [];
  let list = false;
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (list && !line.startsWith("- ")) (html.push("</ul>"), (list = false));
    if (line.startsWith("#### ")) html.push(`<h4>${inline(line.slice(5))}</h4>`);
    else if (line.startsWith("- ")) {
      if (!list) (html.push("<ul>"), (list = true));
      html.push(`<li>${inline(line.slice(2))}</li>`);
    } else if (line) html.push(`<p>${inline(line)}</p>`);
  }
  if (list) html.push("</ul>");
  return html.join("\n");
}

export function changesPage(vendor: string, title: string, since: { version: string; changes: Change[] }, entries: ChangelogEntry[]): string {
  const releases = entries
    .filter((e) => e.vendors.has(vendor))
    .map((e) => `<section class="release" id="v${escape(e.version)}">
  <h2>${escape(e.version)}${e.date ? ` <small>${escape(e.date)}</small>` : ""}</h2>
  ${markdown(e.note)}
  ${markdown(e.vendors.get(vendor)!)}
</section>`);
  const unreleased = since.changes.length
    ? markdown(draftVendorSection(since.changes))
    : `<p>No contract changes since ${escape(since.version)}.</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What changed in ${escape(title)} — ${PACKAGE_NAME}</title>
<link rel="icon" href="../assets/logo.svg" type="image/svg+xml">
<style>
  body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; font-family: ${FONT_STACK}; color: ${COLORS.ink}; background: ${COLORS.paper}; line-height: 1.5; }
  code { font: .88em ${MONO_STACK}; background: ${COLORS.accentSoft}; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
  .release { background: #fff; border: 1px solid ${COLORS.line}; border-radius: 10px; padding: .5rem 1.5rem 1rem; margin: 1rem 0; }
  h2 small { font-weight: normal; color: #555; font-size: .8em; }
  a { color: ${COLORS.accent}; }
</style>
</head>
<body>
<p><a href="../index.html">All APIs</a> · <a href="index.html">${escape(title)} reference</a></p>
<h1>What changed in ${escape(title)}</h1>
<p>Every release of <code>${PACKAGE_NAME}</code> that changed this API's contract, newest first. A change marked
breaking needs changes in code written against the typed client; see <code>npx ${PACKAGE_NAME} diff</code>.</p>
<section class="release" id="unreleased">
  <h2>Since ${escape(since.version)} <small>not released yet</small></h2>
  ${unreleased}
</section>
${releases.join("\n")}
</body>
</html>
`;
}

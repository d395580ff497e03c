// The landing page's search box over all four vendors' operations: the index is inlined as JSON
// and matched in the page by a few lines of plain script (every word must match a path, summary,
// operationId or field name; matches on the operation itself rank above field matches).
import { COLORS, MONO_STACK } from "./theme.js";
import type { SearchEntry } from "./search-index.js";

export const SEARCH_CSS = `
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .search { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
  .search input { width: 100%; box-sizing: border-box; font-size: 1.05rem; padding: .7rem .9rem; border: 1px solid ${COLORS.line}; border-radius: 8px; }
  .search input:focus { outline: 2px solid ${COLORS.accent}; }
  #search-status { font-size: .85rem; color: #555; margin: .4rem 0; min-height: 1.2em; }
  #search-results { list-style: none; margin: 0; padding: 0; }
  #search-results li a { display: block; padding: .45rem .6rem; border-radius: 6px; color: ${COLORS.ink}; text-decoration: none; }
  #search-results li a:hover, #search-results li a:focus { background: ${COLORS.accentSoft}; }
  #search-results .method { font: 600 .78rem ${MONO_STACK}; display: inline-block; width: 4.2rem; }
  #search-results .path { font-family: ${MONO_STACK}; font-size: .88rem; }
  #search-results .vendor, #search-results .why { color: #555; font-size: .85rem; margin-left: .5rem; }`;

// Runs in the browser: no imports, no network.
const SCRIPT = `
(() => {
  const index = JSON.parse(document.getElementById("search-index").textContent);
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const LIMIT = 30;
  function score(entry, words) {
    let total = 0;
    for (const word of words) {
      const own = [entry.path, entry.summary, entry.operationId].some((t) => t.toLowerCase().includes(word));
      const field = entry.fields.find((f) => f.toLowerCase().includes(word));
      if (!own && !field) return [0];
      total += own ? 3 : 1;
    }
    return [total, entry.fields.find((f) => words.some((w) => f.toLowerCase().includes(w)))];
  }
  function render() {
    const words = input.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    list.replaceChildren();
    if (!words.length) return void (status.textContent = "");
    const hits = index
      .map((entry) => [entry, ...score(entry, words)])
      .filter(([, total]) => total > 0)
      .sort((a, b) => b[1] - a[1] || a[0].vendor.localeCompare(b[0].vendor) || a[0].path.localeCompare(b[0].path));
    status.textContent = hits.length ? hits.length + " operation" + (hits.length === 1 ? "" : "s") + (hits.length > LIMIT ? ", first " + LIMIT + " shown" : "") : "No operation matches.";
    for (const [entry, , field] of hits.slice(0, LIMIT)) {
      const a = document.createElement("a");
      a.href = entry.href;
      a.className = "search-result";
      a.dataset.vendor = entry.vendor;
      a.dataset.operationId = entry.operationId;
      const part = (cls, text) => Object.assign(document.createElement("span"), { className: cls, textContent: text });
      a.append(part("method", entry.method), part("path", entry.path), part("vendor", entry.title + " · " + entry.summary));
      if (field) a.append(part("why", "field " + field));
      const li = document.createElement("li");
      li.append(a);
      list.append(li);
    }
  }
  input.addEventListener("input", render);
  render();
})();`;

// `</` inside inlined JSON would end the <script> element early.
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function searchBox(entries: SearchEntry[], vendorCount: number): string {
  return `
<section class="search" role="search">
  <label for="search" class="visually-hidden">Search operations</label>
  <input id="search" type="search" autocomplete="off" placeholder="Search ${entries.length} operations of ${vendorCount} APIs: path, summary, operationId or field name">
  <p id="search-status" aria-live="polite"></p>
  <ul id="search-results"></ul>
</section>
<script type="application/json" id="search-index">${inlineJson(entries)}</script>
<script>${SCRIPT}</script>`;
}

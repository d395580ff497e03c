// One look for every page of the site: the package's colours and system fonts only (nothing is
// fetched from a font service), and our own logo where Redoc would load one from its CDN.
export const PACKAGE_NAME = "ai-vendor-contracts";

export const COLORS = { ink: "#14213d", accent: "#0f766e", accentSoft: "#ccfbf1", paper: "#fbfaf7", line: "#e5e1d8" };

export const FONT_STACK = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;
export const MONO_STACK = `ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace`;

export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="176" height="24" viewBox="0 0 176 24"><rect width="24" height="24" rx="5" fill="${COLORS.accent}"/><path d="M6 17l6-10 6 10" stroke="#fff" stroke-width="2.2" fill="none" stroke-linejoin="round"/><text x="30" y="17" font-family="system-ui, sans-serif" font-size="12" fill="${COLORS.ink}">${PACKAGE_NAME}</text></svg>`;

/**
 * Stands in for the Redocly logo in Redoc's "API docs by …" badge (a link to redocly.com/redoc),
 * which Redoc loads from its CDN. Drawn 12px high there, so a plain wordmark stays readable.
 */
export const REDOC_BADGE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="50" height="16" viewBox="0 0 50 16"><text x="0" y="13" font-family="system-ui, sans-serif" font-size="14" font-weight="600" fill="${COLORS.ink}">Redoc</text></svg>`;

/** CSS variables Redoc reads, injected into each reference page's <head>. */
export const REDOC_CSS = `
:root {
  --font-family-base: ${FONT_STACK};
  --font-family-heading: ${FONT_STACK};
  --font-family-monospaced: ${MONO_STACK};
  --code-font-family: ${MONO_STACK};
  --color-primary-base: ${COLORS.accent};
  --link-color-primary: ${COLORS.accent};
  --heading-text-color: ${COLORS.ink};
}
`;

// A binary answer as a Download. The Content-Disposition parser behind it (download.ts) is
// imported with the first download, so a bundler leaves it out of the entry.
import type { Download } from "./download.js";
import { lazy } from "./lazy.js";
import { unwrap } from "./unwrap.js";

const loadDownload = lazy(() => import("./download.js"));

/** The result's bytes with their content type and file name, or its typed error (as unwrap throws it). */
export async function downloadFrom(result: { data?: ArrayBuffer; error?: unknown; response: Response }): Promise<Download> {
  const data = unwrap(result);
  return (await loadDownload()).toDownload(data, result.response);
}

// AILabsAudit as core sees it: `aila_` keys sent as `X-Api-Key` (or as a Bearer token), 60
// requests/min per key, page/per_page lists with a `pagination` object next to `data`, and
// `{ success: false, error: { code, message } }` error bodies.
import { operationTable } from "../../generated/ailabsaudit/operations.js";
import { dataWithPaginationObject } from "../core/paginate.js";
import type { AuthScheme, VendorDescription } from "../core/vendor.js";

const KEY_PREFIX = "aila_";

/** The vendor accepts the same key in either header; `X-Api-Key` is the one its guide shows first. */
const auth = {
  apiKeyHeader: { header: "X-Api-Key" },
  bearer: { header: "Authorization", valuePrefix: "Bearer " },
} satisfies Record<string, AuthScheme>;

/** How the key is sent: `"apiKeyHeader"` (`X-Api-Key: aila_…`, default) or `"bearer"`. */
export type AilabsauditAuth = keyof typeof auth;

type ErrorBody = { error?: unknown; message?: unknown };

export const ailabsaudit: VendorDescription = {
  name: "ailabsaudit",
  displayName: "AILabsAudit",
  baseUrl: "https://ailabsaudit.com/api/v1",
  apiKey: {
    envVar: "AILABSAUDIT_API_KEY",
    expected: `starts with \`${KEY_PREFIX}\``,
    isWellFormed: (key) => key.startsWith(KEY_PREFIX) && key.length > KEY_PREFIX.length,
  },
  auth,
  rateLimitPerMinute: 60,
  // Sub-collections may come without `pagination`; the paginator then stops on a short page,
  // or on a page that repeats the previous one when the endpoint ignores `page`.
  pagination: dataWithPaginationObject("per_page", 100),
  errorBody: (body) => {
    const { error, message } = (body ?? {}) as ErrorBody;
    // REST v1 nests `{ code, message }` under `error`, with a numeric code in the only example.
    if (error && typeof error === "object") {
      const inner = error as { code?: unknown; message?: unknown };
      return {
        code: inner.code === undefined || inner.code === null ? undefined : String(inner.code),
        message: typeof inner.message === "string" ? inner.message : undefined,
      };
    }
    // The tracking endpoints on the same host answer `{ error: "<code>", message }`; a proxy in
    // front of REST v1 could too, so that shape is read rather than lost.
    return {
      code: typeof error === "string" ? error : undefined,
      message: typeof message === "string" ? message : undefined,
    };
  },
  operations: operationTable,
  loadValidators: async () => (await import("../../generated/ailabsaudit/validators.js")).validatorTable,
  loadPrecompiled: async () => (await import("../../generated/ailabsaudit/precompiled.js")).precompiledTable,
};

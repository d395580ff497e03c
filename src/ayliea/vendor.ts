// Ayliea as core sees it: `ayliea_pk_` keys in X-API-Key, 60 requests/min per key (sliding
// window), limit/offset lists that end on a short page, and `{ error }` bodies on every failure.
import { operationTable } from "../../generated/ayliea/operations.js";
import type { VendorDescription } from "../core/vendor.js";

const KEY_FORM = /^ayliea_pk_[0-9a-fA-F]{64}$/;

/**
 * The list each paginated endpoint pages through. Bodies have no envelope, and the discovery
 * body also carries `scan`, which is repeated whole on every page and is not a list item.
 */
export const listFields = {
  "/recommendations": "recommendations",
  "/discovery": "platforms",
} as const;

function listItems(body: unknown, path: string): unknown[] {
  const field = listFields[path as keyof typeof listFields];
  const value = field && body !== null && typeof body === "object" ? (body as Record<string, unknown>)[field] : undefined;
  return Array.isArray(value) ? value : [];
}

export const ayliea: VendorDescription = {
  name: "ayliea",
  displayName: "Ayliea",
  baseUrl: "https://assess.ayliea.com/api/v1",
  apiKey: {
    envVar: "AYLIEA_API_KEY",
    expected: "is `ayliea_pk_` followed by 64 hexadecimal characters (74 characters in all)",
    // The docs' one sample is lowercase but they never state the case; hex in either case is
    // accepted so that a genuine key is never refused here.
    isWellFormed: (key) => KEY_FORM.test(key),
  },
  auth: { apiKeyHeader: { header: "X-API-Key" } },
  rateLimitPerMinute: 60,
  pagination: {
    kind: "offset",
    limitParam: "limit",
    offsetParam: "offset",
    defaultSize: 100,
    items: listItems,
  },
  errorBody: (body) => {
    const error = (body as { error?: unknown } | undefined)?.error;
    return { message: typeof error === "string" && error ? error : undefined };
  },
  operations: operationTable,
  loadValidators: async () => (await import("../../generated/ayliea/validators.js")).validatorTable,
  loadPrecompiled: async () => (await import("../../generated/ayliea/precompiled.js")).precompiledTable,
};

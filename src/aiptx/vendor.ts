// AIPTx as core sees it: Bearer keys of no published form, a per-plan rate limit, page/limit lists
// with the totals in a sibling `pagination` object, and `{ success: false, error }` error bodies.
import { operationTable } from "../../generated/aiptx/operations.js";
import { dataWithPaginationObject } from "../core/paginate.js";
import type { VendorDescription } from "../core/vendor.js";

type ErrorEnvelope = {
  error?: { code?: unknown; message?: unknown; details?: unknown };
  meta?: { request_id?: unknown };
};

/** `{"reason":"DNS resolution failed"}` is worth reading in the message; a huge object is not. */
function describeDetails(details: unknown): string | undefined {
  if (details === null || typeof details !== "object" || Object.keys(details).length === 0) return undefined;
  const text = JSON.stringify(details);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export const aiptx: VendorDescription = {
  name: "aiptx",
  displayName: "AIPTx",
  baseUrl: "https://api.aiptx.io/v1",
  apiKey: {
    envVar: "AIPTX_API_KEY",
    // AIPTx publishes no key prefix or length, so any non-empty key is accepted; core still
    // refuses whitespace (a pasted line break).
    expected: "is any non-empty string (AIPTx publishes no key format)",
    isWellFormed: (key) => key.length > 0,
  },
  auth: { bearer: { header: "Authorization", valuePrefix: "Bearer " } },
  // The limit depends on the plan: Starter 60, Professional 120, Business 300 per minute,
  // Enterprise custom. The default is the lowest, so no plan is over-driven; a key on a higher
  // plan raises it with the client's `rateLimit: { requests: 120 }` option.
  rateLimitPerMinute: 60,
  // The reports list sends no total_pages; the paginator then falls back to `total`, counted at
  // the served `pagination.limit`.
  pagination: dataWithPaginationObject("limit", 100),
  errorBody: (body) => {
    const envelope = body as ErrorEnvelope | undefined;
    const error = envelope?.error;
    if (!error || typeof error !== "object") return {};
    const code = typeof error.code === "string" ? error.code : undefined;
    const parts = [typeof error.message === "string" ? error.message : undefined];
    const details = describeDetails(error.details);
    if (details) parts.push(`details ${details}`);
    // AIPTx's own id for the failed call, which its support will ask for: it sends no
    // X-Request-Id header, only `meta.request_id` in the body.
    const vendorRequestId = envelope?.meta?.request_id;
    const message = parts.filter(Boolean).join("; ");
    return { code, message: message || undefined, ...(typeof vendorRequestId === "string" ? { requestId: vendorRequestId } : {}) };
  },
  operations: operationTable,
  loadValidators: async () => (await import("../../generated/aiptx/validators.js")).validatorTable,
  loadPrecompiled: async () => (await import("../../generated/aiptx/precompiled.js")).precompiledTable,
};

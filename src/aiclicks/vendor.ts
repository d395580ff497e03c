// AIclicks as core sees it: Bearer `ak_live_` keys, 60 requests/min per key, page/size lists with
// the totals inside `data`, and `{ detail }` error bodies.
import { operationTable } from "../../generated/aiclicks/operations.js";
import type { VendorDescription } from "../core/vendor.js";

type ListBody = { data?: { items?: unknown[]; total?: unknown; total_pages?: unknown; size?: unknown } };

export const aiclicks: VendorDescription = {
  name: "aiclicks",
  displayName: "AIclicks",
  baseUrl: "https://api.aiclicks.io",
  apiKey: {
    envVar: "AICLICKS_API_KEY",
    expected: "starts with `ak_live_`",
    isWellFormed: (key) => key.startsWith("ak_live_") && key.length > "ak_live_".length,
  },
  auth: { bearer: { header: "Authorization", valuePrefix: "Bearer " } },
  rateLimitPerMinute: 60,
  pagination: {
    kind: "page",
    pageParam: "page",
    sizeParam: "size",
    defaultSize: 100,
    items: (body) => (body as ListBody)?.data?.items ?? [],
    totalPages: (body) => (body as ListBody)?.data?.total_pages,
    total: (body) => (body as ListBody)?.data?.total,
    // `data.size` is the size the server used; the docs disagree on the maximum (100 or 500).
    pageSize: (body) => (body as ListBody)?.data?.size,
  },
  errorBody: (body) => {
    const detail = (body as { detail?: unknown } | undefined)?.detail;
    // FastAPI-style validation errors put an array in `detail`; keep the first message.
    if (Array.isArray(detail)) return { message: detail.map((d) => d?.msg ?? JSON.stringify(d)).join("; ") };
    return { message: typeof detail === "string" ? detail : undefined };
  },
  operations: operationTable,
  loadValidators: async () => (await import("../../generated/aiclicks/validators.js")).validatorTable,
  loadPrecompiled: async () => (await import("../../generated/aiclicks/precompiled.js")).precompiledTable,
};

// What the vendors refuse, the MSW handlers refuse in the vendor's own error shape (checked with
// its generated zod Error schema and read back by its client's error reader): 401 without the
// auth header, 400 naming the parameter or body field the spec forbids, 404 outside the spec.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zError as aiclicksError } from "../../generated/aiclicks/zod.js";
import { zError as ailabsauditError } from "../../generated/ailabsaudit/zod.js";
import { zError as aiptxError } from "../../generated/aiptx/zod.js";
import { zError as aylieaError } from "../../generated/ayliea/zod.js";
import { mswHandlers } from "../../src/testing/msw/index.js";
import { vendors } from "../../src/testing/msw/vendors.js";
import { TEST_KEYS, VENDORS, type Vendor } from "./support.js";

const server = setupServer(...VENDORS.flatMap((vendor) => mswHandlers(vendor).handlers));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const errorSchemas = { aiclicks: aiclicksError, ailabsaudit: ailabsauditError, aiptx: aiptxError, ayliea: aylieaError };

/** An authenticated operation, and a request to it the spec forbids with the name the 400 must say. */
const cases: Record<Vendor, { auth: [string, string]; ok: string; bad: { path: string; init?: RequestInit; names: string } }> = {
  aiclicks: {
    auth: ["Authorization", `Bearer ${TEST_KEYS.aiclicks}`],
    ok: "/api/v1/domains",
    bad: { path: "/api/v1/prompts?page=1", names: 'query parameter "domain_id"' },
  },
  ailabsaudit: {
    auth: ["X-Api-Key", TEST_KEYS.ailabsaudit],
    ok: "/clients",
    bad: { path: "/clients?per_page=500", names: 'query parameter "per_page"' },
  },
  aiptx: {
    auth: ["Authorization", `Bearer ${TEST_KEYS.aiptx}`],
    ok: "/scans",
    bad: { path: "/scans", init: { method: "POST", body: JSON.stringify({ target: 42 }), headers: { "Content-Type": "application/json" } }, names: 'request body "target"' },
  },
  ayliea: {
    auth: ["X-API-Key", TEST_KEYS.ayliea],
    ok: "/recommendations",
    bad: { path: "/recommendations?limit=0", names: 'query parameter "limit"' },
  },
};

async function call(vendor: Vendor, path: string, init: RequestInit = {}, auth = true) {
  const headers = new Headers(init.headers);
  if (auth) headers.set(...cases[vendor].auth);
  const response = await fetch(`${vendors[vendor].baseUrl}${path}`, { ...init, headers });
  const body: unknown = await response.json();
  expect(errorSchemas[vendor].safeParse(body).success, JSON.stringify(body)).toBe(response.status >= 400);
  return { status: response.status, body, message: vendors[vendor].errorBody(body).message };
}

describe.each(VENDORS)("%s refusals in the vendor's error shape", (vendor) => {
  it("answers the authenticated request", async () => {
    const response = await fetch(`${vendors[vendor].baseUrl}${cases[vendor].ok}`, { headers: [cases[vendor].auth] });
    expect(response.status).toBe(200);
  });

  it("401 without the auth header", async () => {
    const refused = await call(vendor, cases[vendor].ok, {}, false);
    expect(refused.status).toBe(401);
    expect(refused.message).toMatch(/\S/);
  });

  it("400 naming the parameter or field the spec forbids", async () => {
    const { path, init, names } = cases[vendor].bad;
    const refused = await call(vendor, path, init);
    expect(refused.status).toBe(400);
    expect(refused.message).toContain(`Invalid ${names}`);
    expect(refused.message).toMatch(/expected .+, received .+/);
  });

  it("400 for a query parameter the spec does not declare, naming it and the known ones", async () => {
    const refused = await call(vendor, `${cases[vendor].ok}${cases[vendor].ok.includes("?") ? "&" : "?"}dayz=7`);
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/Invalid query parameter "dayz": unknown; known: \S/);
  });

  it("404 for a path outside the spec", async () => {
    const refused = await call(vendor, "/no-such-endpoint");
    expect(refused.status).toBe(404);
    expect(refused.message).toContain("/no-such-endpoint");
  });
});

it.each(["aiclicks", "aiptx"] as const)("%s: 401 for an Authorization header with no key after Bearer", async (vendor) => {
  const refused = await call(vendor, cases[vendor].ok, { headers: { Authorization: "Bearer " } }, false);
  expect(refused.status).toBe(401);
});

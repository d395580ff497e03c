// The vendors' retirement signals: parsed (RFC 9745, the older draft's date, RFC 8594 Sunset,
// Link rel), exposed on the result, warned once per operation per client through every vendor's
// client; operations the spec marks deprecated warn once too.
import { describe, expect, it, vi } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { parseDeprecation } from "../../src/index.js";
import { EVERY_VENDOR } from "../fixtures/every-vendor.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";
import { recordingLogger } from "../helpers.js";

const SIGNALS = {
  deprecation: "@1767225600",
  sunset: "Tue, 30 Jun 2026 23:59:59 GMT",
  link: '<https://docs.example.com/migrate>; rel="deprecation"; type="text/html", <https://docs.example.com/sunset>; rel="sunset"',
};

describe("parseDeprecation", () => {
  it("reads RFC 9745's @epoch, the older HTTP-date and `true` forms, Sunset, and both Link rels", () => {
    expect(parseDeprecation(new Headers(SIGNALS))).toEqual({
      deprecated: true,
      deprecatedAt: new Date("2026-01-01T00:00:00Z"),
      sunsetAt: new Date("2026-06-30T23:59:59Z"),
      deprecationLink: "https://docs.example.com/migrate",
      sunsetLink: "https://docs.example.com/sunset",
    });
    expect(parseDeprecation(new Headers({ deprecation: "Sun, 01 Jun 2025 00:00:00 GMT" }))?.deprecatedAt).toEqual(new Date("2025-06-01T00:00:00Z"));
    expect(parseDeprecation(new Headers({ deprecation: "true" }))).toEqual({ deprecated: true });
    expect(parseDeprecation(new Headers({ sunset: "Tue, 30 Jun 2026 23:59:59 GMT" }))).toEqual({ deprecated: false, sunsetAt: new Date("2026-06-30T23:59:59Z") });
  });

  it("nothing for answers without them, with only other links, or with malformed values (a mock's placeholder)", () => {
    expect(parseDeprecation(new Headers({ "content-type": "application/json" }))).toBeUndefined();
    expect(parseDeprecation(new Headers({ link: '<https://x.example/page2>; rel="next"' }))).toBeUndefined();
    expect(parseDeprecation(new Headers({ deprecation: "@soon", sunset: "next year" }))).toBeUndefined();
    // Prism fills a declared header that has no example with its type's name.
    expect(parseDeprecation(new Headers({ deprecation: "string", sunset: "string" }))).toBeUndefined();
    expect(parseDeprecation(new Headers({ deprecation: "string", sunset: "Tue, 30 Jun 2026 23:59:59 GMT" }))).toEqual({
      deprecated: false,
      sunsetAt: new Date("2026-06-30T23:59:59Z"),
    });
  });
});

describe.each(EVERY_VENDOR)("$vendor: deprecation signals", ({ key, path, operationId, create }) => {
  it("on the result every time, one warning per operation per client naming the operation, dates and link", async () => {
    const fetch = async () => Response.json([], { headers: SIGNALS });
    const { logger, lines } = recordingLogger();
    const client = create({ apiKey: key, fetch, validate: "off", rateLimit: false, logger, logLevel: "warn" });
    const first = await client.GET(path);
    const second = await client.GET(path);
    expect(first.deprecation).toMatchObject({ deprecated: true, sunsetLink: "https://docs.example.com/sunset" });
    expect(second.deprecation).toEqual(first.deprecation);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(operationId);
    expect(lines[0]).toContain("2026-01-01T00:00:00.000Z");
    expect(lines[0]).toContain("2026-06-30T23:59:59.000Z");
    expect(lines[0]).toContain("https://docs.example.com/migrate");
    // Another client warns again: once per client.
    await create({ apiKey: key, fetch, validate: "off", rateLimit: false, logger, logLevel: "warn" }).GET(path);
    expect(lines).toHaveLength(2);
  });

  it("answers without signals carry no deprecation and warn nothing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await create({ apiKey: key, fetch: async () => Response.json([]), validate: "off", rateLimit: false }).GET(path);
    expect(result.deprecation).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe("operations the spec marks deprecated", () => {
  it("warn once per client at run time (no spec operation is deprecated today: the test vendor's is)", async () => {
    const vendor = {
      ...testVendor,
      operations: { "GET /old": { operationId: "oldThing", scopes: [], responseKind: "json" as const, mediaTypes: ["application/json"], deprecated: true } },
    };
    const { logger, lines } = recordingLogger();
    const client = createVendorClient<TestPaths>(vendor, { apiKey: TEST_KEY, fetch: async () => Response.json({}), rateLimit: false, validate: "off", logger });
    await client.GET("/old");
    await client.GET("/old");
    await client.GET("/new");
    expect(lines.filter((l) => l.includes("deprecated"))).toEqual([expect.stringContaining("oldThing (GET /old) is marked deprecated in the TestVendor spec")]);
  });
});

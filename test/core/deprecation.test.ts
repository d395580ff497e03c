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

describe("a deprecation notice that echoes the key", () => {
  it("reaches console.warn (no logger given) with the key redacted", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const link = `<https://docs.example.com/migrate?key=${TEST_KEY}>; rel="deprecation"`;
      const client = createVendorClient<TestPaths>(testVendor, {
        apiKey: TEST_KEY,
        fetch: async () => Response.json({}, { headers: { deprecation: "true", link } }),
        rateLimit: false,
        validate: "off",
      });
      await client.GET("/things");
      const printed = warn.mock.calls.flat().map(String).join("\n");
      expect(printed).toContain("https://docs.example.com/migrate?key=[redacted]");
      expect(printed).not.toContain(TEST_KEY);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("a deprecation parser that fails to load (a browser chunk that did not arrive)", () => {
  it("costs the notice, not the call: the answer is returned and a warning names the headers, redacted", async () => {
    vi.resetModules();
    vi.doMock("../../src/core/deprecation.js", () => {
      throw new Error("chunk failed to load");
    });
    try {
      const { createVendorClient: freshClient } = await import("../../src/core/create-client.js");
      const { logger, lines } = recordingLogger();
      const link = `<https://docs.example.com/migrate?key=${TEST_KEY}>; rel="deprecation"`;
      const client = freshClient<TestPaths>(testVendor, {
        apiKey: TEST_KEY,
        fetch: async () => Response.json({ ok: 1 }, { headers: { deprecation: "@1767225600", link } }),
        rateLimit: false,
        validate: "off",
        logger,
        logLevel: "warn",
      });
      const result = await client.GET("/things");
      expect(result.data).toEqual({ ok: 1 });
      expect(result.deprecation).toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("could not read its Deprecation/Sunset headers");
      expect(lines[0]).toContain("@1767225600");
      expect(lines[0]).not.toContain(TEST_KEY);
    } finally {
      vi.doUnmock("../../src/core/deprecation.js");
      vi.resetModules();
    }
  });
});

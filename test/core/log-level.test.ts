// logLevel and AI_VENDOR_CONTRACTS_LOG: which lines reach the logger (or the console), redacted.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { ConfigurationError } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";
import { recordingLogger } from "../helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

// The server echoes the key, so a line that was not redacted would show it.
const fetch = async () => Response.json({ message: `bad key ${TEST_KEY}` }, { status: 404, headers: { deprecation: "@1700000000" } });
const client = (options: object = {}) => createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, fetch, rateLimit: false, ...options });

describe("log levels", () => {
  it("a logger gets everything by default; logLevel warn keeps its warnings only, off nothing", async () => {
    for (const [level, expectDebug, expectWarn] of [[undefined, true, true], ["info", false, true], ["warn", false, true], ["error", false, false], ["off", false, false]] as const) {
      const { logger, lines } = recordingLogger();
      const debug = vi.spyOn(logger, "debug");
      const warn = vi.spyOn(logger, "warn");
      await client({ logger, ...(level ? { logLevel: level } : {}) }).GET("/things");
      expect([debug.mock.calls.length > 0, warn.mock.calls.length > 0]).toEqual([expectDebug, expectWarn]);
      expect(lines.join("\n")).not.toContain(TEST_KEY);
    }
  });

  it("AI_VENDOR_CONTRACTS_LOG=debug turns on a console logger without code changes, redacted", async () => {
    vi.stubEnv("AI_VENDOR_CONTRACTS_LOG", "debug");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await client().GET("/things");
    const printed = debug.mock.calls.map((args) => JSON.stringify(args)).join("\n");
    expect(printed).toContain("[ai-vendor-contracts] GET");
    expect(printed).not.toContain(TEST_KEY);
  });

  it("without a logger or level, debug lines go nowhere and warnings to console.warn", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await client().GET("/things");
    expect(debug).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("an unknown level, in the option or the environment, is a ConfigurationError naming where it came from", () => {
    expect(() => client({ logLevel: "verbose" })).toThrow(ConfigurationError);
    expect(() => client({ logLevel: "verbose" })).toThrow(/logLevel must be one of debug, info, warn, error, off, got "verbose"/);
    vi.stubEnv("AI_VENDOR_CONTRACTS_LOG", "loud");
    expect(() => client()).toThrow(/the AI_VENDOR_CONTRACTS_LOG environment variable must be one of/);
  });
});

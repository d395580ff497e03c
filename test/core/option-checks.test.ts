// Every option is checked where it is given: a mistake is a ConfigurationError (a VendorError)
// naming the option, what is wrong and what is accepted — not a RangeError, not a silent default.
import { describe, expect, it } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { ConfigurationError } from "../../src/index.js";
import { thrownBy } from "../helpers.js";

const AICLICKS_KEY = "ak_live_Q7mZp2VxK9rT4wLc8NbH3sDf6GjY";
const never = async (): Promise<Response> => {
  throw new Error("nothing may be sent");
};

describe("client options", () => {
  it.each([
    ["rateLimit.requests 0", () => createAiclicksClient({ apiKey: AICLICKS_KEY, rateLimit: { requests: 0 } }), /rateLimit\.requests must be a whole number from 1 up.*got 0/],
    ["rateLimit.windowMs -5", () => createAiclicksClient({ apiKey: AICLICKS_KEY, rateLimit: { requests: 5, windowMs: -5 } }), /rateLimit\.windowMs must be a number of milliseconds from 1/],
    ["rateLimit.onStoreError", () => createAiclicksClient({ apiKey: AICLICKS_KEY, rateLimit: { requests: 5, onStoreError: "ignore" as never } }), /rateLimit\.onStoreError must be one of "fallback", "fail", got "ignore"/],
    ["auth: basic", () => createAilabsauditClient({ apiKey: "aila_x1y2z3", auth: "basic" as never }), /auth must be one of "apiKeyHeader", "bearer", got "basic"/],
    ["validate: strcit", () => createAiclicksClient({ apiKey: AICLICKS_KEY, validate: "strcit" as never }), /validate must be one of "strict", "warn", "off", got "strcit"/],
    ["logger without warn", () => createAiclicksClient({ apiKey: AICLICKS_KEY, logger: { debug() {} } as never }), /logger must be an object with debug and warn functions \(console fits\), got an object/],
    ["fetch not a function", () => createAiclicksClient({ apiKey: AICLICKS_KEY, fetch: "https://proxy" as never }), /fetch must be a function \(url, init\) => Promise<Response>, got "https:\/\/proxy"/],
    ["throwOnError as a string", () => createAiclicksClient({ apiKey: AICLICKS_KEY, throwOnError: "yes" as never }), /throwOnError must be true or false, got "yes"/],
  ])("%s", (_, create, message) => {
    const error = thrownBy(create);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
  });
});

describe("call and helper options", () => {
  const client = createAiptxClient({ apiKey: "ptx_0123456789", fetch: never, rateLimit: false });

  it("validate for one call", async () => {
    await expect(client.GET("/scans", { validate: "strcit" as never })).rejects.toThrow(/validate for this call must be one of "strict", "warn", "off"/);
    await expect(client.GET("/scans", { validate: "strcit" as never })).rejects.toBeInstanceOf(ConfigurationError);
  });

  it("paginate(…, { maxPages: -1 }) at the paginate call, not an empty walk", () => {
    const error = thrownBy(() => client.paginate("/scans", {}, { maxPages: -1 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/maxPages must be a whole number from 0 up, or Infinity for no bound, got -1/);
    expect(thrownBy(() => client.paginate("/scans", {}, { maxItems: 1.5 }))).toBeInstanceOf(ConfigurationError);
  });

  it("reports.download(id, { format: \"exe\" })", async () => {
    const error = await client.reports.download("rep_1", { format: "exe" as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/format must be one of "pdf", "html", "json", "docx", got "exe"/);
  });

  it("findings.export({ format: \"pdf\" })", async () => {
    const error = await client.findings.export({ scan_id: "s", format: "pdf" as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/query\.format must be one of "json", "sarif", "csv", "xml", got "pdf"/);
  });

  it("a wait's intervalMs", async () => {
    const error = await client.scans.waitForCompletion("s", { intervalMs: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/intervalMs must be between 0 and 2147483647 ms/);
  });
});

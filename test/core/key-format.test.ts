// A key that cannot travel in an HTTP header value is refused by each vendor's create…Client
// call, naming the rule and the offending character, never the key, and nothing is sent.
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/index.js";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";

const HEX = "0123456789abcdef".repeat(4);
/** Each factory with a well-formed key whose middle part we can replace. */
const vendors = [
  ["AIclicks", (apiKey: string, fetch: typeof globalThis.fetch) => createAiclicksClient({ apiKey, fetch }), (mid: string) => `ak_live_hush${mid}part`],
  ["AILabsAudit", (apiKey: string, fetch: typeof globalThis.fetch) => createAilabsauditClient({ apiKey, fetch }), (mid: string) => `aila_hush${mid}part`],
  ["AIPTx", (apiKey: string, fetch: typeof globalThis.fetch) => createAiptxClient({ apiKey, fetch }), (mid: string) => `hush${mid}part`],
  // Ayliea's form is fixed at 64 hex characters: the bad character replaces one of them.
  ["Ayliea", (apiKey: string, fetch: typeof globalThis.fetch) => createAylieaClient({ apiKey, fetch }), (mid: string) => `ayliea_pk_${HEX.slice(0, 32)}${mid}${HEX.slice(33)}`],
] as const;

const unsendable = {
  "a typographic quote (outside Latin-1)": "\u2019",
  "an emoji (a surrogate pair)": "\u{1F511}",
  "a Latin-1 letter": "\u00e9",
  "a no-break space": "\u00a0",
  "a line break": "\n",
  "a carriage return": "\r",
  "a NUL": "\u0000",
  "a bell (control character)": "\u0007",
  "DEL": "\u007f",
  "a tab": "\t",
  "a space": " ",
};

function caught(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    return error as ConfigurationError;
  }
  throw new Error("expected the client factory to throw");
}

describe.each(vendors)("%s: a key with a character no header can carry", (name, create, keyWith) => {
  it.each(Object.entries(unsendable))("%s is a ConfigurationError from the factory, naming the rule, never the key", (_what, char) => {
    const key = keyWith(char);
    const sent: string[] = [];
    const fetch = (async (url: string) => {
      sent.push(url);
      return new Response("{}");
    }) as unknown as typeof globalThis.fetch;
    const error = caught(() => create(key, fetch));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain(`The ${name} API key cannot be sent in an HTTP header`);
    expect(error.message).toContain("visible ASCII characters (U+0021 to U+007E");
    expect(error.message).toContain(`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
    const seen = [error.message, error.stack, JSON.stringify(error)].join("\n");
    expect(seen).not.toContain("hush");
    expect(seen).not.toContain(HEX.slice(0, 32));
    expect(sent).toEqual([]);
  });
});

it("every visible ASCII character is accepted where the vendor publishes no key form", () => {
  const visible = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join("");
  expect(() => createAiptxClient({ apiKey: visible })).not.toThrow();
});

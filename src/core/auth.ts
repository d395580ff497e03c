// Resolves and checks the API key and base URL before any request is sent.
import { ConfigurationError } from "./errors.js";
import { isLoopbackHost } from "./loopback.js";
import type { AuthScheme, VendorDescription } from "./vendor.js";

/**
 * Outside RFC 9110's visible characters (VCHAR): a header cannot carry CR/LF or NUL, fetch
 * refuses anything past Latin-1, and spaces, tabs and Latin-1 letters do not survive every proxy.
 */
const NOT_HEADER_SAFE = /[^\x21-\x7e]/;

export function resolveApiKey(vendor: VendorDescription, apiKey: string | undefined): string {
  const context = { vendor: vendor.name, displayName: vendor.displayName };
  const key = apiKey ?? (typeof process === "undefined" ? undefined : process.env[vendor.apiKey.envVar]);
  if (key === undefined || key.trim() === "") {
    throw new ConfigurationError(
      `No ${vendor.displayName} API key: pass { apiKey } or set the ${vendor.apiKey.envVar} environment variable.`,
      context,
    );
  }
  const bad = key.search(NOT_HEADER_SAFE);
  if (bad >= 0) {
    // Named by position and code point only: the key itself may be a real secret.
    const code = key.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, "0");
    throw new ConfigurationError(
      `The ${vendor.displayName} API key cannot be sent in an HTTP header: character ${bad + 1} is U+${code}, and a key may ` +
        `hold only visible ASCII characters (U+0021 to U+007E: no whitespace, line breaks, control or non-ASCII characters ` +
        `such as typographic quotes); a key ${vendor.apiKey.expected}. ` +
        `Copy it again from the vendor's dashboard into ${vendor.apiKey.envVar} or { apiKey }.`,
      context,
    );
  }
  if (!vendor.apiKey.isWellFormed(key)) {
    // The key itself is never quoted: it may be a real secret pasted into the wrong place.
    throw new ConfigurationError(
      `The ${vendor.displayName} API key is malformed: a key ${vendor.apiKey.expected}. ` +
        `Copy it again from the vendor's dashboard into ${vendor.apiKey.envVar} or { apiKey }.`,
      context,
    );
  }
  return key;
}

/** HTTPS only, except to loopback (local mocks); no trailing slash. */
export function resolveBaseUrl(vendor: VendorDescription, baseUrl: string | undefined): string {
  const context = { vendor: vendor.name, displayName: vendor.displayName };
  const raw = baseUrl ?? vendor.baseUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Quoted without anything between "//" and "@": a user-info password must not reach a message.
    throw new ConfigurationError(
      `baseUrl "${raw.replace(/\/\/[^/]*@/, "//…@")}" is not an absolute URL; use e.g. ${vendor.baseUrl}.`,
      context,
    );
  }
  // Credentials in the URL would be printed by every error naming it; a query or fragment would
  // end up before the paths the client appends (…?token=X/api/v1/domains).
  const extra = url.username || url.password ? "user-info (user:password@)" : url.search ? "a query string" : url.hash ? "a fragment (#…)" : "";
  if (extra) {
    throw new ConfigurationError(
      `baseUrl ${url.origin}${url.pathname} must not carry ${extra}: give only scheme, host, port and path, e.g. ${vendor.baseUrl}; ` +
        `the API key goes in { apiKey }.`,
      context,
    );
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new ConfigurationError(
      `baseUrl ${url.origin} uses plain http:// to a remote host, which would send the API key unencrypted; ` +
        `use https:// (http:// is allowed only for localhost and 127.0.0.1).`,
      context,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`baseUrl must be an https:// URL, got ${url.protocol}//.`, context);
  }
  return raw.replace(/\/+$/, "");
}

/** The vendor's auth scheme of that name; any other name is a ConfigurationError listing the names. */
export function resolveAuthScheme(vendor: VendorDescription, name: string): AuthScheme {
  const scheme = Object.hasOwn(vendor.auth, name) ? vendor.auth[name] : undefined;
  if (scheme) return scheme;
  throw new ConfigurationError(
    `${vendor.displayName} client: auth must be one of ${Object.keys(vendor.auth).map((n) => JSON.stringify(n)).join(", ")}, got ${JSON.stringify(name)}.`,
    { vendor: vendor.name, displayName: vendor.displayName },
  );
}

export function authHeader(scheme: AuthScheme, key: string): [string, string] {
  return [scheme.header, `${scheme.valuePrefix ?? ""}${key}`];
}

// Resolves and checks the API key and base URL before any request is sent.
import { ConfigurationError } from "./errors.js";
import type { AuthScheme, VendorDescription } from "./vendor.js";

export function resolveApiKey(vendor: VendorDescription, apiKey: string | undefined): string {
  const context = { vendor: vendor.name, displayName: vendor.displayName };
  const key = apiKey ?? (typeof process === "undefined" ? undefined : process.env[vendor.apiKey.envVar]);
  if (key === undefined || key.trim() === "") {
    throw new ConfigurationError(
      `No ${vendor.displayName} API key: pass { apiKey } or set the ${vendor.apiKey.envVar} environment variable.`,
      context,
    );
  }
  if (/\s/.test(key) || !vendor.apiKey.isWellFormed(key)) {
    // The key itself is never quoted: it may be a real secret pasted into the wrong place.
    throw new ConfigurationError(
      `The ${vendor.displayName} API key is malformed: a key ${vendor.apiKey.expected} and has no whitespace. ` +
        `Copy it again from the vendor's dashboard into ${vendor.apiKey.envVar} or { apiKey }.`,
      context,
    );
  }
  return key;
}

export const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** HTTPS only, except to loopback (local mocks); no trailing slash. */
export function resolveBaseUrl(vendor: VendorDescription, baseUrl: string | undefined): string {
  const context = { vendor: vendor.name, displayName: vendor.displayName };
  const raw = baseUrl ?? vendor.baseUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(
      `baseUrl "${raw}" is not an absolute URL; use e.g. ${vendor.baseUrl}.`,
      context,
    );
  }
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
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

export function authHeader(scheme: AuthScheme, key: string): [string, string] {
  return [scheme.header, `${scheme.valuePrefix ?? ""}${key}`];
}

// Secrets never leave the client: not in messages, logs, serialized errors or snapshots.
import type { Logger } from "./logger.js";

const SECRET_HEADERS = new Set(["authorization", "x-api-key", "proxy-authorization", "cookie"]);

export const REDACTED = "[redacted]";

export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(
    entries.map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value]),
  );
}

/** Removes every occurrence of the given secrets from a piece of text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(REDACTED);
  return out;
}

/** Takes the client's own secrets out of a text the server sent (a vendor may echo the key). */
export type Redact = (text: string) => string;

/** One client's redactor: the key is held by this closure only, never by the errors it cleans. */
export function secretRedactor(secret: string): Redact {
  // A server may echo the key as it travelled in a URL or a form, so that spelling goes too.
  const secrets = [...new Set([secret, encodeURIComponent(secret)])];
  return (text) => redactText(text, secrets);
}

/**
 * Objects and arrays nested deeper than this are kept as TOO_DEEP: a server's body may nest
 * thousands of levels (6 KB of brackets), and nothing that walks it afterwards (redaction,
 * JSON.stringify, util.inspect) may then overflow the stack.
 */
export const MAX_VALUE_DEPTH = 64;
export const TOO_DEEP = "[nested too deep]";

/** The same value with every string in it (keys of objects too) passed through `redact`. */
export function redactValue(value: unknown, redact: Redact, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  const plain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
  if (!plain) return value;
  if (depth >= MAX_VALUE_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactValue(v, redact, depth + 1)]));
}

/** A logger whose every line and detail has gone through `redact` first. */
export function redactingLogger(logger: Logger, redact: Redact): Logger {
  return {
    debug: (message, details) => logger.debug(redact(message), details && (redactValue(details, redact) as typeof details)),
    warn: (message, details) => logger.warn(redact(message), details && (redactValue(details, redact) as typeof details)),
  };
}

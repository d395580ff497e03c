// Which lines a client writes: `logLevel` on the client, else the AI_VENDOR_CONTRACTS_LOG
// environment variable (a console logger without code changes). Lines still pass the client's
// redactor (redact.ts) before they reach any logger.
import { ConfigurationError, type ErrorContext } from "./errors.js";
import type { Logger } from "./logger.js";

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];
export const LOG_ENV = "AI_VENDOR_CONTRACTS_LOG";

const noop = () => {};

/** Writes to the console, each line marked as the package's. */
export const consoleLogger: Logger = {
  debug: (message, details) => console.debug(`[ai-vendor-contracts] ${message}`, ...(details ? [details] : [])),
  warn: (message, details) => console.warn(`[ai-vendor-contracts] ${message}`, ...(details ? [details] : [])),
};

/** The level asked for: the option, else the environment variable (where there is a `process`: not on edge runtimes). */
export function resolveLogLevel(option: unknown, context: ErrorContext): LogLevel | undefined {
  const fromEnv = typeof process === "object" && process?.env ? process.env[LOG_ENV] : undefined;
  const [value, source] = option !== undefined ? [option, "logLevel"] : [fromEnv || undefined, `the ${LOG_ENV} environment variable`];
  if (value === undefined) return undefined;
  const level = typeof value === "string" ? value.toLowerCase() : value;
  if (!LEVELS.includes(level as LogLevel)) {
    throw new ConfigurationError(
      `${context.displayName ?? context.vendor} client: ${source} must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(value)}.`,
      context,
    );
  }
  return level as LogLevel;
}

/** `logger` with the lines under `level` dropped (the package writes debug and warn lines). */
export function atLevel(logger: Logger, level: LogLevel): Logger {
  const rank = LEVELS.indexOf(level);
  return { debug: rank <= 0 ? (m, d) => logger.debug(m, d) : noop, warn: rank <= 2 ? (m, d) => logger.warn(m, d) : noop };
}

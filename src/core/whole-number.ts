// The range check of the client's numeric options (client-wide and per call): one message that
// names the option, its range and what was given.
import { ConfigurationError, type ErrorContext } from "./errors.js";
import { MAX_TIMER_MS } from "./timeout.js";

// Timer values stop at what setTimeout holds: Node turns a longer delay into 1 ms.
const RANGES = {
  maxRetries: [0, Number.MAX_SAFE_INTEGER, ""],
  maxRetryWaitMs: [0, MAX_TIMER_MS, " ms"],
  timeoutMs: [1, MAX_TIMER_MS, " ms"],
  maxResponseBytes: [1, Infinity, " bytes"],
} as const;

export function wholeNumber(name: keyof typeof RANGES, value: unknown, fallback: number, context: ErrorContext, perCall = false): number {
  if (value === undefined) return fallback;
  const [min, max, unit] = RANGES[name];
  if (typeof value !== "number" || !(value === Infinity ? max === Infinity : Number.isInteger(value)) || value < min || value > max) {
    throw new ConfigurationError(
      `${context.displayName ?? context.vendor} client: ${name}${perCall ? " for this call" : ""} must be a whole number from ` +
        `${min} to ${max === Infinity ? "Infinity" : max}${unit}, got ${String(value)}.`,
      context,
    );
  }
  return value;
}

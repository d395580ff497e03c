// Error answers in the vendor's own shape: the spec's example for that status (or, when no
// operation declares it, another error example), with our message put where the vendor puts its
// own, so the vendor's client reads it like a real one.
import type { OperationSpec, ResponseSpec } from "./spec-operations.js";

/** Keys under which the vendors' error bodies carry their human message, most specific first. */
const MESSAGE_KEYS = ["message", "detail", "error"];

function withMessage(example: unknown, message: string): unknown {
  if (example === null || typeof example !== "object" || Array.isArray(example)) return example;
  const body = example as Record<string, unknown>;
  for (const key of MESSAGE_KEYS) {
    if (typeof body[key] === "string") return { ...body, [key]: message };
  }
  for (const [key, value] of Object.entries(body)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const replaced = withMessage(value, message);
      if (replaced !== value) return { ...body, [key]: replaced };
    }
  }
  return body;
}

function jsonExample(response: ResponseSpec | undefined): unknown {
  return response?.content.find((c) => c.mediaType.includes("json"))?.examples[0]?.value;
}

export interface ErrorAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Builds the vendor's error answer for `status`. The operation's own response wins, then the same
 * status on any operation, then any 4xx example (a vendor that declares no 404 still has a shape).
 * Without a message the example's own (the vendor's wording) stays.
 */
export function vendorError(
  operations: OperationSpec[],
  operation: OperationSpec | undefined,
  status: number,
  message: string | undefined,
): ErrorAnswer {
  const code = String(status);
  const own = operation?.responses.find((r) => r.status === code);
  const anywhere = operations.flatMap((o) => o.responses).find((r) => r.status === code);
  const fallback = operations.flatMap((o) => o.responses).find((r) => /^4\d\d$/.test(r.status) && jsonExample(r) !== undefined);
  const source = [own, anywhere, fallback].find((r) => jsonExample(r) !== undefined);
  return {
    status,
    body: message === undefined ? jsonExample(source) : withMessage(jsonExample(source), message),
    headers: { ...(own ?? anywhere)?.headers },
  };
}

// Checks values against the generated zod schemas and reports every issue with its JSON path,
// what the spec expects and what arrived. Parsed output is never used: unknown fields survive.
import type { ValidationIssue } from "./errors.js";
import type { Schema } from "./operation.js";

export type ValidationMode = "strict" | "warn" | "off";

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isInteger(value)) return "integer";
  return typeof value;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

type ZodIssueLike = {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  errors?: ZodIssueLike[][];
};

function expectedOf(issue: ZodIssueLike): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected ?? "another type";
    case "invalid_value":
      return `one of ${JSON.stringify(issue.values)}`;
    case "too_big":
      return `at most ${String(issue.maximum)}`;
    case "too_small":
      return `at least ${String(issue.minimum)}`;
    case "invalid_format":
      return `a ${issue.format} string`;
    default:
      return issue.message;
  }
}

function describeReceived(value: unknown, issue: ZodIssueLike): string {
  if (value === undefined && issue.code === "invalid_type") return "nothing (field missing)";
  if (issue.code === "invalid_type") return typeOf(value);
  const text = JSON.stringify(value);
  return text !== undefined && text.length <= 60 ? text : typeOf(value);
}

/** Returns no issues when the value conforms. */
export function check(schema: Schema, value: unknown): ValidationIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return (result.error.issues as readonly ZodIssueLike[]).map((issue) => {
    const received = at(value, issue.path);
    return {
      path: formatPath(issue.path),
      expected: expectedOf(issue),
      received: describeReceived(received, issue),
      message: issue.message,
    };
  });
}

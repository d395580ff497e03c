// The shape of the generated per-vendor operation table (generated/<vendor>/operations.ts).
import type { ZodType } from "zod";

export interface OperationInfo {
  operationId: string;
  /** Scopes (OpenAPI 3.1 role names) the operation's security requirement lists. */
  scopes: readonly string[];
  /** `json` bodies are parsed and validated; `binary` ones (PDF, CSV …) are returned as bytes. */
  responseKind: "json" | "binary" | "none";
  mediaTypes: readonly string[];
  path: ZodType | undefined;
  query: ZodType | undefined;
  body: ZodType | undefined;
  response: ZodType | undefined;
}

/** Keyed by `METHOD /path` exactly as the spec writes the path. */
export type OperationTable = Record<string, OperationInfo>;

export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

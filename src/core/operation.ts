// The shapes of the generated per-vendor tables: generated/<vendor>/operations.ts (what each
// operation is, loaded with the client) and generated/<vendor>/validators.ts (its zod schemas,
// loaded on the first validated call, so a client with `validate: "off"` never loads zod).
import type { ZodType } from "zod";

export interface OperationInfo {
  operationId: string;
  /** Scopes (OpenAPI 3.1 role names) the operation's security requirement lists. */
  scopes: readonly string[];
  /** `json` bodies are parsed and validated; `binary` ones (PDF, CSV …) are returned as bytes. */
  responseKind: "json" | "binary" | "none";
  mediaTypes: readonly string[];
}

/** Keyed by `METHOD /path` exactly as the spec writes the path. */
export type OperationTable = Record<string, OperationInfo>;

/** The zod schemas that check one operation's request parts and its JSON success response. */
export interface OperationSchemas {
  path: ZodType | undefined;
  query: ZodType | undefined;
  body: ZodType | undefined;
  response: ZodType | undefined;
}

/** Same keys as the OperationTable. */
export type ValidatorTable = Record<string, OperationSchemas>;

export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

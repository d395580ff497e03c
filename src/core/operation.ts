// The shapes of the generated per-vendor tables: generated/<vendor>/operations.ts (what each
// operation is, loaded with the client) and generated/<vendor>/validators.ts (its zod schemas,
// loaded on the first validated call, so a client with `validate: "off"` never loads zod).

export interface OperationInfo {
  operationId: string;
  /** Scopes (OpenAPI 3.1 role names) the operation's security requirement lists. */
  scopes: readonly string[];
  /** `json` bodies are parsed and validated; `binary` ones (PDF, CSV …) are returned as bytes. */
  responseKind: "json" | "binary" | "none";
  mediaTypes: readonly string[];
  /** The spec marks the operation `deprecated: true`. */
  deprecated?: boolean;
  /**
   * The query and path parameter names the spec declares (path item's included): in "strict" and
   * "warn" a name outside them is reported before the request is sent, without loading zod.
   */
  parameters?: { query: readonly string[]; path: readonly string[] };
}

/** Keyed by `METHOD /path` exactly as the spec writes the path. */
export type OperationTable = Record<string, OperationInfo>;

/**
 * The one method core calls on a zod schema, typed by its shape: naming zod's own types here
 * would pull zod's declarations into every vendor entry's type graph (and the consumer's check).
 */
export interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly object[] } };
}

/** The zod schemas that check one operation's request parts and its JSON success response. */
export interface OperationSchemas {
  path: Schema | undefined;
  query: Schema | undefined;
  body: Schema | undefined;
  response: Schema | undefined;
}

/** Same keys as the OperationTable; each entry builds its schemas when first read. */
export type ValidatorTable = Record<string, OperationSchemas>;

/** A check compiled at build time from a zod schema (generated/<vendor>/precompiled.js): conforms or not. */
export type PrecompiledCheck = (value: unknown) => boolean;

/** Same keys and parts as the ValidatorTable, a precompiled check where zod has a schema. */
export type PrecompiledTable = Record<string, Record<keyof OperationSchemas, PrecompiledCheck | undefined>>;

/** Builds a value on the first call and returns the same one after: the generated schema factories. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

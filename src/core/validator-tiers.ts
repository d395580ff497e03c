// The checks of an operation's request parts and JSON response, loaded on the first validated
// call and kept: a client with `validate: "off"` loads none of it, and a bundler leaves it in lazy
// chunks. Two tiers, one verdict:
//   1. the precompiled checks (generated/<vendor>/precompiled.js, plain functions compiled from
//      the zod schemas at build time): a conforming value passes without zod ever loading;
//   2. zod, the validator of record: a value the precompiled check refuses is checked again by
//      zod, whose issues are reported; if zod accepts it, it passes.
// So a cold "strict" call pays for a small chunk, not for loading zod and building schemas, and
// zod's verdict stands on every value (test/property/ proves the first tier never accepts what
// zod refuses). A failed load (a chunk that did not arrive) fails that call before anything is
// sent, or, for a response, with the same error; the next call loads again.
import { VendorError, type ErrorContext, type ValidationIssue } from "./errors.js";
import { lazy } from "./lazy.js";
import type { OperationSchemas, PrecompiledCheck, ValidatorTable } from "./operation.js";
import type { VendorDescription } from "./vendor.js";

/**
 * No issues: the value conforms. A promise only when zod had to be loaded to say so; `context`
 * (the call's) names the call in the error if zod's chunk fails to load.
 */
export type PartCheck = (value: unknown, context: ErrorContext) => readonly ValidationIssue[] | Promise<readonly ValidationIssue[]>;

export type OperationChecks = Record<keyof OperationSchemas, PartCheck | undefined>;

export type SchemasFor = (key: string, context: ErrorContext) => Promise<OperationChecks | undefined>;

const NONE: readonly ValidationIssue[] = Object.freeze([]);
// Turning zod's issues into ours is needed only once a value failed: it loads with zod's schemas.
const loadCheck = lazy(async () => (await import("./validate.js")).check);
const PARTS = ["path", "query", "body", "response"] as const;

export function lazyValidators(vendor: VendorDescription): SchemasFor {
  const zodTable = lazy<ValidatorTable>(() => vendor.loadValidators());
  const precompiledTable = vendor.loadPrecompiled && lazy(vendor.loadPrecompiled);
  const built = new Map<string, OperationChecks | undefined>();

  const failedLoad = (cause: unknown, context: ErrorContext, sent = false) => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new VendorError(
      `${vendor.displayName} client: could not load the schemas that validate ${context.operation} (${reason}); ` +
        `${sent ? "the request was sent, but its answer could not be checked" : "nothing was sent"}. Try again, or pass validate: "off" to skip validation.`,
      context,
      { cause },
    );
  };
  /** zod's schemas of one operation; reading the entry builds them. */
  const zodSchemas = async (key: string, context: ErrorContext, sent = false) => {
    try {
      const [table, check] = await Promise.all([zodTable(), loadCheck()]);
      return { schemas: table[key], check };
    } catch (cause) {
      throw failedLoad(cause, context, sent);
    }
  };

  return async (key, context) => {
    if (built.has(key)) return built.get(key);
    let checks: OperationChecks | undefined;
    if (precompiledTable) {
      let precompiled: Record<keyof OperationSchemas, PrecompiledCheck | undefined> | undefined;
      try {
        precompiled = (await precompiledTable())[key];
      } catch (cause) {
        throw failedLoad(cause, context);
      }
      if (precompiled) {
        const tiered = (part: keyof OperationSchemas): PartCheck | undefined => {
          const fast = precompiled[part];
          if (!fast) return undefined;
          // zod without a schema for the part accepts anything: its verdict stands.
          const byZod = (value: unknown, callContext: ErrorContext) =>
            zodSchemas(key, callContext, part === "response").then(({ schemas, check }) => (schemas?.[part] ? check(schemas[part], value) : NONE));
          return (value, callContext) => (fast(value) ? NONE : byZod(value, callContext));
        };
        checks = Object.fromEntries(PARTS.map((part) => [part, tiered(part)])) as OperationChecks;
      }
    } else {
      const { schemas, check } = await zodSchemas(key, context);
      if (schemas) {
        const direct = (part: keyof OperationSchemas): PartCheck | undefined => {
          const schema = schemas[part];
          return schema && ((value) => check(schema, value));
        };
        checks = Object.fromEntries(PARTS.map((part) => [part, direct(part)])) as OperationChecks;
      }
    }
    built.set(key, checks);
    return checks;
  };
}

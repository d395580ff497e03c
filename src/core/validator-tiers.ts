// The two tiers of a client's checks (load-validators.ts says why), imported with its first
// validated call.
import type { ErrorContext, ValidationIssue } from "./errors.js";
import { lazy } from "./lazy.js";
import { failedLoad, type OperationChecks, type PartCheck, type SchemasFor } from "./load-validators.js";
import type { OperationSchemas, PrecompiledCheck, ValidatorTable } from "./operation.js";
import type { VendorDescription } from "./vendor.js";

const NONE: readonly ValidationIssue[] = Object.freeze([]);
// Turning zod's issues into ours is needed only once a value failed: it loads with zod's schemas.
const loadCheck = lazy(async () => (await import("./validate.js")).check);
const PARTS = ["path", "query", "body", "response"] as const;

export function validatorTiers(vendor: VendorDescription): SchemasFor {
  const zodTable = lazy<ValidatorTable>(() => vendor.loadValidators());
  const precompiledTable = vendor.loadPrecompiled && lazy(vendor.loadPrecompiled);
  const built = new Map<string, OperationChecks | undefined>();

  /** zod's schemas of one operation; reading the entry builds them. */
  const zodSchemas = async (key: string, context: ErrorContext, sent = false) => {
    try {
      const [table, check] = await Promise.all([zodTable(), loadCheck()]);
      return { schemas: table[key], check };
    } catch (cause) {
      throw failedLoad(vendor, cause, context, sent);
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
        throw failedLoad(vendor, cause, context);
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

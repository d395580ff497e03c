// The vendor's zod schemas, imported on the first validated call and kept: a client with
// `validate: "off"` never loads zod, and a bundler leaves the schemas in a lazy chunk. Each
// operation's schemas are built when it is first called, so a cold start builds only those.
// A failed load (a chunk that did not arrive) fails that call before anything is sent; the next
// call loads again. The checker that reads the schemas (validate.ts) loads with them.
import { VendorError, type ErrorContext } from "./errors.js";
import { lazy } from "./lazy.js";
import type { OperationSchemas } from "./operation.js";
import type { check } from "./validate.js";
import type { VendorDescription } from "./vendor.js";

/** One operation's schemas and the function that checks a value against one of them. */
export interface LoadedSchemas {
  schemas: OperationSchemas;
  check: typeof check;
}

export type SchemasFor = (key: string, context: ErrorContext) => Promise<LoadedSchemas | undefined>;

export function lazyValidators(vendor: VendorDescription): SchemasFor {
  const validators = lazy(() => Promise.all([vendor.loadValidators(), import("./validate.js")]));
  const built = new Map<string, LoadedSchemas | undefined>();
  return async (key, context) => {
    if (built.has(key)) return built.get(key);
    try {
      const [table, { check }] = await validators();
      const schemas = table[key];
      const loaded = schemas && { schemas, check };
      built.set(key, loaded);
      return loaded;
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new VendorError(
        `${vendor.displayName} client: could not load the zod schemas that validate ${context.operation} (${reason}); ` +
          `nothing was sent. Try again, or pass validate: "off" to skip validation.`,
        context,
        { cause },
      );
    }
  };
}

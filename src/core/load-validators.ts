// The vendor's zod schemas, imported on the first validated call and kept: a client with
// `validate: "off"` never loads zod, and a bundler leaves the schemas in a lazy chunk. Each
// operation's schemas are built when it is first called, so a cold start builds only those.
// A failed load (a chunk that did not arrive) fails that call before anything is sent; the next
// call loads again.
import { VendorError, type ErrorContext } from "./errors.js";
import { lazy } from "./lazy.js";
import type { OperationSchemas, ValidatorTable } from "./operation.js";
import type { VendorDescription } from "./vendor.js";

export type SchemasFor = (key: string, context: ErrorContext) => Promise<OperationSchemas | undefined>;

export function lazyValidators(vendor: VendorDescription): SchemasFor {
  const validators = lazy<ValidatorTable>(() => vendor.loadValidators());
  const built = new Map<string, OperationSchemas | undefined>();
  return async (key, context) => {
    if (built.has(key)) return built.get(key);
    try {
      const schemas = (await validators())[key];
      built.set(key, schemas);
      return schemas;
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

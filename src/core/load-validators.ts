// The vendor's zod schemas, imported on the first validated call and kept: a client with
// `validate: "off"` never loads zod, and a bundler leaves the schemas in a lazy chunk. A failed
// load (a chunk that did not arrive) fails that call before anything is sent; the next call
// loads again.
import { VendorError, type ErrorContext } from "./errors.js";
import type { OperationSchemas, ValidatorTable } from "./operation.js";
import type { VendorDescription } from "./vendor.js";

export type SchemasFor = (key: string, context: ErrorContext) => Promise<OperationSchemas | undefined>;

export function lazyValidators(vendor: VendorDescription): SchemasFor {
  let validators: Promise<ValidatorTable> | undefined;
  return async (key, context) => {
    validators ??= vendor.loadValidators().catch((error: unknown) => {
      validators = undefined;
      throw error;
    });
    try {
      return (await validators)[key];
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

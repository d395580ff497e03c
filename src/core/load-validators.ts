// The checks of an operation's request parts and JSON response, loaded on the first validated
// call and kept: a client with `validate: "off"` loads none of it (not even the code below that
// builds them, validator-tiers.ts), and a bundler leaves it in lazy chunks. Two tiers, one verdict:
//   1. the precompiled checks (generated/<vendor>/precompiled.js, plain functions compiled from
//      the zod schemas at build time): a conforming value passes without zod ever loading;
//   2. zod, the validator of record: a value the precompiled check refuses is checked again by
//      zod, whose issues are reported; if zod accepts it, it passes.
// So a cold "strict" call pays for small chunks, not for loading zod and building schemas, and
// zod's verdict stands on every value (test/property/ proves the first tier never accepts what
// zod refuses). A failed load (a chunk that did not arrive) fails that call before anything is
// sent, or, for a response, with the same error; the next call loads again.
import { VendorError, type ErrorContext, type ValidationIssue } from "./errors.js";
import { lazy } from "./lazy.js";
import type { OperationSchemas } from "./operation.js";
import type { VendorDescription } from "./vendor.js";

/**
 * No issues: the value conforms. A promise only when zod had to be loaded to say so; `context`
 * (the call's) names the call in the error if zod's chunk fails to load.
 */
export type PartCheck = (value: unknown, context: ErrorContext) => readonly ValidationIssue[] | Promise<readonly ValidationIssue[]>;

export type OperationChecks = Record<keyof OperationSchemas, PartCheck | undefined>;

export type SchemasFor = (key: string, context: ErrorContext) => Promise<OperationChecks | undefined>;

/** The error of a call whose checks could not be loaded. */
export function failedLoad(vendor: VendorDescription, cause: unknown, context: ErrorContext, sent = false): VendorError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new VendorError(
    `${vendor.displayName} client: could not load the schemas that validate ${context.operation} (${reason}); ` +
      `${sent ? "the request was sent, but its answer could not be checked" : "nothing was sent"}. Try again, or pass validate: "off" to skip validation.`,
    context,
    { cause },
  );
}

const loadTiers = lazy(() => import("./validator-tiers.js"));

export function lazyValidators(vendor: VendorDescription): SchemasFor {
  // One set of tiers per client, however many calls wait for it.
  const tiers = lazy(async () => (await loadTiers()).validatorTiers(vendor));
  // Kept once loaded, so a validated call waits on nothing more than before.
  let schemasFor: SchemasFor | undefined;
  return async (key, context) => {
    if (!schemasFor) {
      try {
        schemasFor = await tiers();
      } catch (cause) {
        throw failedLoad(vendor, cause, context);
      }
    }
    return schemasFor(key, context);
  };
}

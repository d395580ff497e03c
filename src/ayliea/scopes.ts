// Why did Ayliea answer 403? The vendor gives one generic message for two causes — the key
// lacks the operation's scope, or its organization may not use the API (not on the Enterprise
// tier) — so the cause is found by comparing the operation's scope with the key's scopes.
import { PermissionDeniedError } from "../core/errors.js";
import { typedErrorOf } from "../core/unwrap.js";

export type ForbiddenCause =
  /** The key lacks at least one scope the operation needs: add it to the key, or use another key. */
  | "missing-scope"
  /** The key has every scope needed: its organization is not on the Enterprise tier (or not the one you meant). */
  | "organization"
  /** The key's scopes were not given, so either cause is possible. */
  | "unknown";

export interface ForbiddenExplanation {
  cause: ForbiddenCause;
  /** `GET /scores` */
  operation: string;
  /** Scopes the operation needs, from the spec's security requirement. */
  required: readonly string[];
  /** Required scopes the key does not have; empty unless `cause` is "missing-scope". */
  missing: readonly string[];
  /** A sentence saying what happened and what to do. */
  message: string;
}

const list = (scopes: readonly string[]) => scopes.map((s) => `\`${s}\``).join(", ");

/** `error`: a caught error or a result's `error` body. `undefined` when it is not a 403 from the API. */
export function explainForbidden(
  error: unknown,
  operation: string,
  required: readonly string[],
  grantedScopes?: readonly string[],
): ForbiddenExplanation | undefined {
  if (!(typedErrorOf(error) instanceof PermissionDeniedError)) return undefined;
  const needs = `${operation} needs ${list(required)}`;
  if (grantedScopes === undefined) {
    return {
      cause: "unknown",
      operation,
      required,
      missing: [],
      message:
        `${needs}. If the key lacks it, create a key with that scope in Organization Settings → API Keys; ` +
        `if it has it, the key's organization is not on the Enterprise tier, the only tier with API access.`,
    };
  }
  const missing = required.filter((scope) => !grantedScopes.includes(scope));
  if (missing.length) {
    return {
      cause: "missing-scope",
      operation,
      required,
      missing,
      message: `${needs}, and the key lacks ${list(missing)}. Create a key with that scope in Organization Settings → API Keys.`,
    };
  }
  return {
    cause: "organization",
    operation,
    required,
    missing: [],
    message:
      `${needs}, which the key has, so the refusal concerns its organization: it is not on the Enterprise tier ` +
      `(the only tier with API access), or the key belongs to another organization than intended.`,
  };
}

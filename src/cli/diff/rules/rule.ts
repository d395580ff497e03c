// What every rule family shares: a rule is an id, a verdict for a consumer of the typed client and
// the reason for it; a change is one place in one operation where a rule fired.
export interface Rule {
  breaking: boolean;
  /** Why, for someone who calls the API through the generated types. */
  reason: string;
}

export interface Change {
  /** `GET /scans/{scan_id}`, or `components` for a change outside every operation. */
  operation: string;
  /** Where in the operation: `query parameter team`, `response 200 application/json: data.target`. */
  location: string;
  rule: string;
  breaking: boolean;
  reason: string;
  before?: unknown;
  after?: unknown;
}

export type Schema = Record<string, unknown>;
export type Emit = (rule: string, location: string, values?: { before?: unknown; after?: unknown }) => void;

/** Builds the function a family calls when one of its rules fires, bound to the operation it is in. */
export function emitter(rules: Record<string, Rule>, operation: string, out: Change[]): Emit {
  return (rule, location, values = {}) => {
    const { breaking, reason } = rules[rule] ?? unknownRule(rule);
    out.push({ operation, location, rule, breaking, reason, ...values });
  };
}

function unknownRule(rule: string): never {
  throw new Error(`diff rule "${rule}" is not registered`);
}

export const isObject = (value: unknown): value is Schema =>
  value !== null && typeof value === "object" && !Array.isArray(value);

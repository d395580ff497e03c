// The drift report: per operation, the fields the answers carry that the spec does not declare,
// and the declared fields no answer of the run carried. A rename shows as one of each, even where
// the spec lets both be absent (an optional field renamed passes every schema check).
// Fields are named by path: `data[].id` is `id` in every item of the array `data`. A field the
// spec marks as a guess (its description starts GUESS_PREFIX: no vendor source shows it) is never
// "never seen": a faithful API need not send what nobody documented, and a guess renamed still
// shows as a field not in the spec.
import type { JsonSchema, ResponseOracle } from "./response-oracle.js";

/** How the specs mark a field no vendor source shows (test/specs/ checks every optional field has it or a source). */
export const GUESS_PREFIX = "Not in the vendor's documentation:";

export interface Drift {
  undeclared: string[];
  neverSeen: string[];
}

/** A schema with its `$ref`s followed; `guess` when the property holding it is marked as one. */
type Resolved = { node: JsonSchema; refs: string[]; guess?: boolean };

export class DriftLedger {
  private readonly operations = new Map<string, { declared: Set<string>; seen: Set<string>; undeclared: Set<string> }>();

  constructor(private readonly oracle: ResponseOracle) {}

  /** Adds one JSON answer of `operation`, judged by the schema at `schemaPointer`. */
  record(operation: string, schemaPointer: string, body: unknown) {
    const schema = this.oracle.resolve({ $ref: `#${schemaPointer}` } as JsonSchema, schemaPointer).node;
    let entry = this.operations.get(operation);
    if (!entry) {
      entry = { declared: new Set(), seen: new Set(), undeclared: new Set() };
      this.declared({ node: schema, refs: [] }, "", entry.declared);
      this.operations.set(operation, entry);
    }
    this.walk(body, { node: schema, refs: [] }, "", entry);
  }

  /** Operations with any drift, in the order they were recorded. */
  report(): [string, Drift][] {
    const out: [string, Drift][] = [];
    for (const [operation, { declared, seen, undeclared }] of this.operations) {
      // A field under a parent that was never seen is implied by its parent: name the parent only.
      const neverSeen = [...declared].filter((f) => !seen.has(f) && (parentOf(f) === "" || seen.has(parentOf(f))));
      if (undeclared.size || neverSeen.length) out.push([operation, { undeclared: [...undeclared], neverSeen }]);
    }
    return out;
  }

  private resolve(schema: JsonSchema, refs: string[]): Resolved {
    const ref = schema.$ref as string | undefined;
    if (!ref) return { node: schema, refs };
    return { node: this.oracle.resolve(schema, ref.slice(1)).node, refs: [...refs, ref] };
  }

  /** The schema's own and its anyOf/oneOf/allOf branches' resolved forms (a nullable object is one). */
  private branches(schema: Resolved): Resolved[] {
    const out = [schema];
    for (const keyword of ["anyOf", "oneOf", "allOf"]) {
      for (const branch of (schema.node[keyword] as JsonSchema[] | undefined) ?? []) out.push(...this.branches(this.resolve(branch, schema.refs)));
    }
    return out;
  }

  /** The declared properties, or undefined where the schema leaves the object free-form. */
  private properties(schema: Resolved): Map<string, Resolved> | undefined {
    let found: Map<string, Resolved> | undefined;
    for (const branch of this.branches(schema)) {
      const props = branch.node.properties as Record<string, JsonSchema> | undefined;
      if (!props) continue;
      found ??= new Map();
      for (const [name, sub] of Object.entries(props)) {
        // The mark may sit beside a $ref (OpenAPI 3.1) or on the schema it names.
        if (!found.has(name)) found.set(name, { ...this.resolve(sub, branch.refs), guess: isGuess(sub) });
      }
    }
    return found;
  }

  private items(schema: Resolved): Resolved | undefined {
    const branch = this.branches(schema).find((b) => b.node.items && typeof b.node.items === "object");
    return branch && this.resolve(branch.node.items as JsonSchema, branch.refs);
  }

  private declared(schema: Resolved, prefix: string, out: Set<string>) {
    // A recursive schema (a tree of comments …) is walked once along each path.
    if (new Set(schema.refs).size < schema.refs.length) return;
    const items = this.items(schema);
    if (items) this.declared(items, `${prefix}[]`, out);
    for (const [name, sub] of this.properties(schema) ?? []) {
      if (sub.guess || isGuess(sub.node)) continue;
      const field = join(prefix, name);
      out.add(field);
      this.declared(sub, field, out);
    }
  }

  private walk(value: unknown, schema: Resolved, prefix: string, entry: { seen: Set<string>; undeclared: Set<string> }) {
    if (Array.isArray(value)) {
      const items = this.items(schema);
      if (items) for (const item of value) this.walk(item, items, `${prefix}[]`, entry);
      return;
    }
    if (!value || typeof value !== "object") return;
    const props = this.properties(schema);
    if (!props) return;
    for (const [name, sub] of Object.entries(value)) {
      const field = join(prefix, name);
      const declared = props.get(name);
      if (!declared) {
        entry.undeclared.add(field);
        continue;
      }
      entry.seen.add(field);
      if (new Set(declared.refs).size === declared.refs.length) this.walk(sub, declared, field, entry);
    }
  }
}

const isGuess = (schema: JsonSchema) => typeof schema.description === "string" && schema.description.startsWith(GUESS_PREFIX);
const join = (prefix: string, name: string) => (prefix === "" ? name : `${prefix}.${name}`);
const parentOf = (field: string) => field.replace(/(\[\])+$/, "").replace(/(^|\.)[^.]*$/, "").replace(/(\[\])+$/, "");

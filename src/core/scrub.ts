// What an error keeps of a cause it did not make (a transport's error, a fetch wrapper's): the
// same chain with the client's secrets taken out of every string in it — message and stack, and
// the cause's own properties at any depth and of any class (ky- and axios-style errors carry the
// failed request, `options.headers.authorization` included), since util.inspect and toJSON show
// them. Parts that hold no secret are kept as they are, the usual case.
import { MAX_VALUE_DEPTH, TOO_DEEP, type Redact } from "./redact.js";

/** Links of a cause chain kept; a deeper link is replaced by its redacted message alone. */
const MAX_CHAIN = 5;

type Seen = WeakMap<object, unknown>;
/** What a reference back to an object still being scrubbed becomes: never the unredacted original. */
const CIRCULAR = "[circular]";

/** `value` with every string in it redacted; the same reference when nothing changed. */
function scrub(value: unknown, redact: Redact, depth: number, seen: Seen): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return seen.get(value);
  if (depth >= MAX_VALUE_DEPTH) return TOO_DEEP;
  if (value instanceof Error) return scrubError(value, redact, depth, seen);
  seen.set(value, CIRCULAR);
  const inner = (v: unknown) => scrub(v, redact, depth + 1, seen);
  let clean: unknown;
  if (value instanceof Headers) {
    clean = changedOrSame(value, [...value].map(([k, v]) => [k, redact(v)] as const), Object.fromEntries);
  } else if (value instanceof Request || value instanceof Response) {
    // Shown by util.inspect through getters, so their own keys say nothing: url and headers are what may hold a secret.
    const headers = inner(value.headers);
    const url = redact(value.url);
    clean = headers === value.headers && url === value.url ? value : { ...(value instanceof Request ? { method: value.method } : { status: value.status }), url, headers };
  } else if (value instanceof Map) {
    clean = changedOrSame(value, [...value].map(([k, v]) => [inner(k), inner(v)] as const), (entries) => new Map(entries));
  } else if (Array.isArray(value)) {
    const items = value.map(inner);
    clean = items.some((item, i) => item !== value[i]) ? items : value;
  } else {
    const entries = Reflect.ownKeys(value).flatMap((k) => {
      const desc = Object.getOwnPropertyDescriptor(value, k);
      return desc && "value" in desc && desc.enumerable ? [[typeof k === "string" ? redact(k) : k, inner(desc.value), k, desc.value] as const] : [];
    });
    clean = entries.some(([k, v, k0, v0]) => k !== k0 || v !== v0)
      ? Object.fromEntries(entries.map(([k, v]) => [k, v]))
      : value;
  }
  seen.set(value, clean);
  return clean;
}

function changedOrSame<T, E extends readonly [unknown, unknown]>(value: T & Iterable<readonly [unknown, unknown]>, entries: E[], build: (entries: E[]) => unknown): unknown {
  const before = [...value];
  return entries.some(([k, v], i) => k !== before[i]![0] || v !== before[i]![1]) ? build(entries) : value;
}

function scrubError(error: Error, redact: Redact, depth: number, seen: Seen): Error {
  if (depth > MAX_CHAIN) {
    const stub = new Error(redact(error.message));
    stub.name = error.name;
    return stub;
  }
  seen.set(error, CIRCULAR);
  const next = (error as { cause?: unknown }).cause;
  const cleanNext = scrub(next, redact, depth + 1, seen);
  let changed = cleanNext !== next || redact(error.message) !== error.message || redact(error.stack ?? "") !== (error.stack ?? "");
  // Own properties besides message, stack and cause: code, errno, and whatever a wrapper added
  // (request, options, config, response); AggregateError's errors too, though not enumerable.
  const own: [PropertyKey, unknown][] = [];
  for (const key of Reflect.ownKeys(error)) {
    if (key === "message" || key === "stack" || key === "cause") continue;
    const desc = Object.getOwnPropertyDescriptor(error, key);
    if (!desc || !("value" in desc) || (!desc.enumerable && key !== "errors")) continue;
    const clean = scrub(desc.value, redact, depth + 1, seen);
    if (clean !== desc.value) changed = true;
    own.push([key, clean]);
  }
  if (!changed) return error;
  const copy = new Error(redact(error.message), cleanNext === undefined ? undefined : { cause: cleanNext });
  for (const [key, value] of own) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, "name", { value: error.name, enumerable: false, writable: true, configurable: true });
  copy.stack = redact(error.stack ?? "");
  seen.set(error, copy);
  return copy;
}

/** The cause as an error keeps it: as it is when it holds no secret, else a redacted copy. */
export function redactedCause(cause: unknown, redact: Redact): unknown {
  return scrub(cause, redact, 0, new WeakMap());
}

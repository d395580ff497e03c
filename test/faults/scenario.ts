// What one randomized run draws: a vendor and auth scheme with a key of its form, a method, the
// client's retry and timeout options, a sequence of answers (good, bad and hostile), and maybe a
// caller abort at a random moment. fast-check makes the draws, so a seed replays a run exactly.
import fc from "fast-check";
import { aiclicks } from "../../src/aiclicks/vendor.js";
import { ailabsaudit } from "../../src/ailabsaudit/vendor.js";
import { aiptx } from "../../src/aiptx/vendor.js";
import { ayliea } from "../../src/ayliea/vendor.js";
import type { VendorDescription } from "../../src/core/vendor.js";

/** One answer to one request, as the server (or the transport itself) gives it. */
export type Answer =
  | { kind: "ok"; status: 200 | 201 }
  | { kind: "apiError"; status: number; echoKey: boolean; messageLength: number }
  | { kind: "retryable"; status: 429 | 503; wait: Wait; echoKey: boolean }
  | { kind: "resetBeforeHeaders" }
  | { kind: "resetMidBody" }
  | { kind: "stallBeforeHeaders" }
  | { kind: "stallMidBody" }
  | { kind: "truncatedJson" }
  | { kind: "html"; status: 200 | 401 | 502; echoKey: boolean }
  | { kind: "emptyBody" }
  | { kind: "wrongContentType" }
  | { kind: "redirect"; status: 301 | 302 | 303 | 307 | 308; crossOrigin: boolean }
  | { kind: "oversized"; declared: boolean }
  // Faults of the transport itself (an injected fetch): it never settles and ignores its signal,
  // its body never arrives, or it throws a raw TypeError.
  | { kind: "transportHang" }
  | { kind: "transportBodyHang" }
  | { kind: "transportThrows" };

export type Wait =
  | { header: "retry-after"; seconds: number }
  | { header: "retry-after-date"; offsetSeconds: number }
  | { header: "retry-after-ms"; ms: number }
  | { header: "x-ratelimit-reset"; offsetSeconds: number }
  | { header: "garbage"; value: string }
  | { header: "none" };

/** The vendors by name: a scenario holds the name, so a printed counterexample stays short. */
export const VENDORS: Record<string, VendorDescription> = { aiclicks, ailabsaudit, aiptx, ayliea };

export interface Scenario {
  vendor: keyof typeof VENDORS;
  scheme: string;
  key: string;
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  retryNonIdempotent: boolean;
  maxRetries: number;
  timeoutMs: number;
  maxRetryWaitMs: number;
  answers: Answer[];
  /** Milliseconds after the call starts, and whether with a reason of the caller's own. */
  abort: { afterMs: number; withReason: boolean } | undefined;
}

/** Bodies over this many bytes are refused; "oversized" answers send more. */
export const MAX_RESPONSE_BYTES = 32 * 1024;

const HEX = fc.constantFrom(..."0123456789abcdef");
const keyChars = (min: number) => fc.string({ unit: fc.constantFrom(..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789_-"), minLength: min, maxLength: min + 16 });

/** Every vendor with each of its auth schemes, and a key of that vendor's published form. */
const vendorAndKey = fc.oneof(
  fc.record({ vendor: fc.constant("aiclicks"), scheme: fc.constant("bearer"), key: keyChars(20).map((k) => `ak_live_${k}`) }),
  fc.record({ vendor: fc.constant("ailabsaudit"), scheme: fc.constantFrom("apiKeyHeader", "bearer"), key: keyChars(20).map((k) => `aila_${k}`) }),
  fc.record({ vendor: fc.constant("aiptx"), scheme: fc.constant("bearer"), key: keyChars(24) }),
  fc.record({ vendor: fc.constant("ayliea"), scheme: fc.constant("apiKeyHeader"), key: fc.string({ unit: HEX, minLength: 64, maxLength: 64 }).map((k) => `ayliea_pk_${k}`) }),
);

const wait: fc.Arbitrary<Wait> = fc.oneof(
  fc.record({ header: fc.constant("retry-after" as const), seconds: fc.constantFrom(0, 0.1, 0.2, 1, 120) }),
  fc.record({ header: fc.constant("retry-after-date" as const), offsetSeconds: fc.integer({ min: -30, max: 1 }) }),
  fc.record({ header: fc.constant("retry-after-ms" as const), ms: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ header: fc.constant("x-ratelimit-reset" as const), offsetSeconds: fc.integer({ min: -5, max: 1 }) }),
  fc.record({ header: fc.constant("garbage" as const), value: fc.constantFrom("", "soon", "5, 5", "-1", "1e3", "Mon, 31 Feb 2026 10:00:00 GMT") }),
  fc.constant({ header: "none" as const }),
);

export const answer: fc.Arbitrary<Answer> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("ok" as const), status: fc.constantFrom(200 as const, 201 as const) }), weight: 4 },
  fc.record({
    kind: fc.constant("apiError" as const),
    status: fc.constantFrom(400, 401, 403, 404, 409, 422),
    echoKey: fc.boolean(),
    messageLength: fc.constantFrom(10, 600, 5_000),
  }),
  { arbitrary: fc.record({ kind: fc.constant("retryable" as const), status: fc.constantFrom(429 as const, 503 as const), wait, echoKey: fc.boolean() }), weight: 3 },
  fc.constant({ kind: "resetBeforeHeaders" as const }),
  fc.constant({ kind: "resetMidBody" as const }),
  fc.constant({ kind: "stallBeforeHeaders" as const }),
  fc.constant({ kind: "stallMidBody" as const }),
  fc.constant({ kind: "truncatedJson" as const }),
  fc.record({ kind: fc.constant("html" as const), status: fc.constantFrom(200 as const, 401 as const, 502 as const), echoKey: fc.boolean() }),
  fc.constant({ kind: "emptyBody" as const }),
  fc.constant({ kind: "wrongContentType" as const }),
  { arbitrary: fc.record({ kind: fc.constant("redirect" as const), status: fc.constantFrom(301 as const, 302 as const, 303 as const, 307 as const, 308 as const), crossOrigin: fc.boolean() }), weight: 2 },
  fc.record({ kind: fc.constant("oversized" as const), declared: fc.boolean() }),
  fc.constant({ kind: "transportHang" as const }),
  fc.constant({ kind: "transportBodyHang" as const }),
  fc.constant({ kind: "transportThrows" as const }),
);

export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    vendorAndKey,
    method: fc.constantFrom("GET" as const, "POST" as const, "PUT" as const, "DELETE" as const, "PATCH" as const),
    retryNonIdempotent: fc.boolean(),
    maxRetries: fc.integer({ min: 0, max: 3 }),
    timeoutMs: fc.integer({ min: 150, max: 400 }),
    maxRetryWaitMs: fc.integer({ min: 0, max: 300 }),
    answers: fc.array(answer, { minLength: 1, maxLength: 4 }),
    abort: fc.option(fc.record({ afterMs: fc.integer({ min: 0, max: 600 }), withReason: fc.boolean() }), { freq: 4 }),
  })
  .map(({ vendorAndKey: { vendor, scheme, key }, abort, ...rest }) => ({ vendor, scheme, key, abort: abort ?? undefined, ...rest }));


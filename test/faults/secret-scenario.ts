// What one run of the secrets suite draws: a canary key for a vendor and auth scheme, a public
// surface to drive (a call, paginate, a wait helper, a download), the validation mode, and how
// the hostile upstream or transport answers — echoing the key in a body or headers at any offset
// (so it straddles every cut), flooding headers or ids, nesting deep, cutting, stalling,
// redirecting to another origin, or failing with an error that carries the request.
import fc from "fast-check";

export type Vendor = "aiclicks" | "ailabsaudit" | "aiptx" | "ayliea";
export type Surface = "call" | "paginate" | "wait" | "download";

export type Hostile =
  | { kind: "echoBody"; status: 200 | 400 | 401 | 404 | 422 | 500; html: boolean; pad: number }
  | { kind: "echoHeaders"; status: 200 | 404 | 429 | 503; pad: number }
  | { kind: "hugeRequestId"; where: "header" | "body"; length: number }
  | { kind: "deepBody"; status: 200 | 404; depth: number }
  | { kind: "floodHeaders"; count: number }
  // To another origin (which must get no credential), or round and round on the vendor's own
  // origin with the key in the Location (the RedirectError that ends it must not show it).
  | { kind: "redirect"; status: 301 | 302 | 307 | 308; target: "otherOrigin" | "loopWithKey" }
  | { kind: "cutBody" }
  | { kind: "stall" }
  | { kind: "transportCarriesRequest"; style: "ky" | "axios" | "aggregate" | "longMessage" };

export interface SecretScenario {
  vendor: Vendor;
  scheme: string;
  /** Seeds the canary key's characters (drawn here, not by fast-check, so keys never repeat a character run). */
  keySeed: number;
  surface: Surface;
  validate: "off" | "warn" | "strict";
  hostile: Hostile;
  /** Attempts the hostile answer lasts; later ones are answered normally. */
  times: number;
}

/** The vendor's public key prefix, which is not secret; the rest of the key is. */
export const PUBLIC_PREFIX: Record<Vendor, string> = { aiclicks: "ak_live_", ailabsaudit: "aila_", aiptx: "", ayliea: "ayliea_pk_" };

/** A key of the vendor's published form, its secret part from a small PRNG (mulberry32) seeded by `seed`. */
export function canaryKey(vendor: Vendor, seed: number): string {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = vendor === "ayliea" ? "0123456789abcdef" : "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const length = vendor === "ayliea" ? 64 : 32;
  let secret = "";
  for (let i = 0; i < length; i++) secret += alphabet[Math.floor(next() * alphabet.length)];
  return `${PUBLIC_PREFIX[vendor]}${secret}`;
}

const canary = fc.oneof(
  fc.record({ vendor: fc.constant("aiclicks" as const), scheme: fc.constant("bearer") }),
  fc.record({ vendor: fc.constant("ailabsaudit" as const), scheme: fc.constantFrom("apiKeyHeader", "bearer") }),
  fc.record({ vendor: fc.constant("aiptx" as const), scheme: fc.constant("bearer") }),
  fc.record({ vendor: fc.constant("ayliea" as const), scheme: fc.constant("apiKeyHeader") }),
);

/** Offsets that put the key across each cut the package makes (200, 500 characters) and far past them. */
const pad = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 150, max: 230 }), fc.integer({ min: 440, max: 520 }), fc.constantFrom(5_000, 70_000));

export const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("echoBody" as const), status: fc.constantFrom(200 as const, 400 as const, 401 as const, 404 as const, 422 as const, 500 as const), html: fc.boolean(), pad }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("echoHeaders" as const), status: fc.constantFrom(200 as const, 404 as const, 429 as const, 503 as const), pad }), weight: 2 },
  fc.record({ kind: fc.constant("hugeRequestId" as const), where: fc.constantFrom("header" as const, "body" as const), length: fc.constantFrom(300, 12_000, 1_000_000) }),
  fc.record({ kind: fc.constant("deepBody" as const), status: fc.constantFrom(200 as const, 404 as const), depth: fc.constantFrom(100, 3_000, 20_000) }),
  fc.record({ kind: fc.constant("floodHeaders" as const), count: fc.constantFrom(50, 2_000) }),
  fc.record({ kind: fc.constant("redirect" as const), status: fc.constantFrom(301 as const, 302 as const, 307 as const, 308 as const), target: fc.constantFrom("otherOrigin" as const, "loopWithKey" as const) }),
  fc.constant({ kind: "cutBody" as const }),
  fc.constant({ kind: "stall" as const }),
  fc.record({ kind: fc.constant("transportCarriesRequest" as const), style: fc.constantFrom("ky" as const, "axios" as const, "aggregate" as const, "longMessage" as const) }),
);

export const secretScenario: fc.Arbitrary<SecretScenario> = fc
  .record({
    canary,
    keySeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    surface: fc.constantFrom("call" as const, "paginate" as const, "wait" as const, "download" as const),
    validate: fc.constantFrom("off" as const, "warn" as const, "strict" as const),
    hostile,
    times: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ canary: { vendor, scheme }, ...rest }) => ({ vendor, scheme, ...rest }));

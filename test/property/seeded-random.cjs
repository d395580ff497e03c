// Preloaded into the Prism process (NODE_OPTIONS=--require …) by test/property/support.ts.
//
// Prism's own `--seed` re-seeds json-schema-faker before *every* response, so all responses of an
// operation are identical. To get many different responses that still repeat from run to run,
// this replaces Math.random (json-schema-faker's default `random`, and the source of faker's
// initial seed) before Prism loads with a PRNG seeded once from PRISM_PROPERTY_SEED (sfc32).
"use strict";
const seed = process.env.PRISM_PROPERTY_SEED;
if (seed !== undefined) {
  // xmur3 string hash → four 32-bit words of state.
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next(), b = next(), c = next(), d = next();
  Math.random = function random() {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

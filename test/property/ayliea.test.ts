// Property-based contract test of the Ayliea zod schemas against Prism's dynamic mode (see suite.ts).
import { ayliea } from "../../src/ayliea/vendor.js";
import { propertySuite } from "./suite.js";

// `ayliea_pk_` + 64 hex: the vendor's key form (the client refuses anything else).
propertySuite(ayliea, { seed: "ayliea-property-1", apiKey: `ayliea_pk_${"0123456789abcdef".repeat(4)}` });

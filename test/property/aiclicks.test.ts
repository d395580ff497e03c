// Property-based contract test of the AIclicks zod schemas against Prism's dynamic mode (see suite.ts).
import { aiclicks } from "../../src/aiclicks/vendor.js";
import { propertySuite } from "./suite.js";

propertySuite(aiclicks, { seed: "aiclicks-property-1", apiKey: "ak_live_property_test_key" });

// Property-based contract test of the AIPTx zod schemas against Prism's dynamic mode (see suite.ts).
// `POST /scans/{scan_id}/webhooks` has a callback: Prism POSTs to the `url` of the request body,
// which the suite sets to a loopback server of its own (127.0.0.1, free port) — never another host.
import { aiptx } from "../../src/aiptx/vendor.js";
import { propertySuite } from "./suite.js";

// AIPTx publishes no key form; any non-empty key is well-formed.
propertySuite(aiptx, { seed: "aiptx-property-1", apiKey: "aiptx_property_test_key" });

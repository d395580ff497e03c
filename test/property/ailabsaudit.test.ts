// Property-based contract test of the AILabsAudit zod schemas against Prism's dynamic mode (see suite.ts).
import { ailabsaudit } from "../../src/ailabsaudit/vendor.js";
import { propertySuite } from "./suite.js";

propertySuite(ailabsaudit, {
  seed: "ailabsaudit-property-1",
  apiKey: "aila_property_test_key",
  notJson: {
    // A PDF (application/pdf): the client returns it as bytes and there is no zod schema to test.
    "GET /reports/{id}/download": "binary PDF response, no zod schema",
  },
});

// Every rule of every family, in one registry: the emitter refuses an id that is not here, and
// the README's rule table and the rule-by-rule tests are checked against it.
import { COMPONENT_RULES } from "./components.js";
import { OPERATION_RULES } from "./operations.js";
import { PARAMETER_RULES } from "./parameters.js";
import { REQUEST_BODY_RULES } from "./request-body.js";
import { RESPONSE_RULES } from "./responses.js";
import type { Rule } from "./rule.js";
import { SCHEMA_RULES } from "./schemas.js";

export const RULES: Record<string, Rule> = {
  ...OPERATION_RULES,
  ...PARAMETER_RULES,
  ...REQUEST_BODY_RULES,
  ...RESPONSE_RULES,
  ...SCHEMA_RULES,
  ...COMPONENT_RULES,
};

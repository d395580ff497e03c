// A small spec that exercises every place a rule looks, and one edit of it per rule: the pairs
// the rule-by-rule test compares. Item is read (responses), ItemInput is written (request body).
type Spec = Record<string, any>;

export function baseSpec(): Spec {
  const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
  return {
    openapi: "3.1.0",
    info: { title: "Items", version: "1.0.0" },
    paths: {
      "/items/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "getItem",
          summary: "Get an item",
          parameters: [{ name: "fields", in: "query", required: false, schema: { type: "string", enum: ["all", "brief"] } }],
          responses: { "200": { description: "The item.", ...json("Item") }, "404": { description: "Not found." } },
        },
        put: {
          operationId: "putItem",
          requestBody: { required: true, ...json("ItemInput") },
          responses: { "200": { description: "Saved.", ...json("Item") } },
        },
      },
    },
    components: {
      schemas: {
        Item: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: { type: "string" },
            status: { type: "string", enum: ["open", "closed"], description: "Where it stands." },
            note: { type: "string" },
            score: { type: "integer", maximum: 100 },
            owner: { oneOf: [{ type: "string" }, { type: "integer" }] },
            children: { type: "array", items: { $ref: "#/components/schemas/Item" } },
          },
        },
        ItemInput: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", maxLength: 100 },
            mode: { type: "string", enum: ["fast", "slow"] },
            note: { type: "string" },
            owner: { oneOf: [{ type: "string" }, { type: "integer" }] },
          },
        },
      },
    },
  };
}

const get = (s: Spec) => s.paths["/items/{id}"].get;
const put = (s: Spec) => s.paths["/items/{id}"].put;
const item = (s: Spec) => s.components.schemas.Item;
const input = (s: Spec) => s.components.schemas.ItemInput;

/**
 * rule id → its verdict and the pair that must fire it (and only it, description changes aside):
 * `before` edits the base into the old spec, `after` edits it into the new one; a missing edit is the base.
 */
export const PAIRS: Record<string, { breaking: boolean; before?: (s: Spec) => unknown; after?: (s: Spec) => unknown }> = {
  "operation-removed": { breaking: true, after: (s) => delete s.paths["/items/{id}"].put },
  "operation-added": { breaking: false, after: (s) => (s.paths["/items"] = { get: { operationId: "listItems", responses: { "204": { description: "none" } } } }) },
  "operation-id-changed": { breaking: true, after: (s) => (get(s).operationId = "fetchItem") },
  "operation-deprecated": { breaking: false, after: (s) => (get(s).deprecated = true) },
  "operation-description-changed": { breaking: false, after: (s) => (get(s).summary = "Fetch an item") },
  "parameter-removed": { breaking: true, after: (s) => (get(s).parameters = []) },
  "required-parameter-added": { breaking: true, after: (s) => get(s).parameters.push({ name: "team", in: "query", required: true, schema: { type: "string" } }) },
  "optional-parameter-added": { breaking: false, after: (s) => get(s).parameters.push({ name: "team", in: "query", schema: { type: "string" } }) },
  "parameter-made-required": { breaking: true, after: (s) => (get(s).parameters[0].required = true) },
  "parameter-made-optional": { breaking: false, after: (s) => (s.paths["/items/{id}"].parameters[0].required = false) },
  "request-body-removed": { breaking: true, after: (s) => delete put(s).requestBody },
  "required-request-body-added": { breaking: true, after: (s) => (get(s).requestBody = { required: true, content: { "application/json": { schema: { type: "object" } } } }) },
  "optional-request-body-added": { breaking: false, after: (s) => (get(s).requestBody = { content: { "application/json": { schema: { type: "object" } } } }) },
  "request-body-made-required": { breaking: true, before: (s) => { put(s).requestBody.required = false; } },
  "request-body-made-optional": { breaking: false, after: (s) => (put(s).requestBody.required = false) },
  "request-media-type-removed": { breaking: true, before: (s) => { put(s).requestBody.content["application/x-www-form-urlencoded"] = { schema: { type: "object" } }; } },
  "request-media-type-added": { breaking: false, after: (s) => (put(s).requestBody.content["application/x-www-form-urlencoded"] = { schema: { type: "object" } }) },
  "success-status-removed": { breaking: true, before: (s) => { get(s).responses["204"] = { description: "Nothing." }; } },
  "success-status-added": { breaking: true, after: (s) => (get(s).responses["203"] = { description: "Other.", content: { "application/json": { schema: { type: "object" } } } }) },
  "success-status-added-without-body": { breaking: false, after: (s) => (get(s).responses["204"] = { description: "Nothing." }) },
  "error-status-added": { breaking: false, after: (s) => (get(s).responses["429"] = { description: "Slow down." }) },
  "error-status-removed": { breaking: false, after: (s) => delete get(s).responses["404"] },
  "response-media-type-removed": { breaking: true, before: (s) => { get(s).responses["200"].content["text/csv"] = { schema: { type: "string" } }; } },
  "response-media-type-added": { breaking: false, after: (s) => (get(s).responses["200"].content["text/csv"] = { schema: { type: "string" } }) },
  "request-type-narrowed": { breaking: true, before: (s) => { input(s).properties.note.type = ["string", "null"]; } },
  "request-type-widened": { breaking: false, after: (s) => (input(s).properties.note.type = ["string", "null"]) },
  "response-type-widened": { breaking: true, after: (s) => (item(s).properties.note.type = ["string", "null"]) },
  "response-type-narrowed": { breaking: false, before: (s) => { item(s).properties.note.type = ["string", "null"]; } },
  "type-changed": { breaking: true, after: (s) => (item(s).properties.id.type = "integer") },
  "request-enum-narrowed": { breaking: true, after: (s) => (input(s).properties.mode.enum = ["fast"]) },
  "request-enum-widened": { breaking: false, after: (s) => input(s).properties.mode.enum.push("careful") },
  "response-enum-widened": { breaking: true, after: (s) => item(s).properties.status.enum.push("archived") },
  "response-enum-narrowed": { breaking: false, after: (s) => (item(s).properties.status.enum = ["open"]) },
  "request-constraint-tightened": { breaking: true, after: (s) => (input(s).properties.name.maxLength = 50) },
  "request-constraint-loosened": { breaking: false, after: (s) => delete input(s).properties.name.maxLength },
  "response-constraint-changed": { breaking: false, after: (s) => (item(s).properties.score.maximum = 50) },
  "description-changed": { breaking: false, after: (s) => (item(s).properties.status.description = "Its state.") },
  "request-field-removed": { breaking: true, after: (s) => delete input(s).properties.note },
  "request-required-field-added": { breaking: true, after: (s) => { input(s).properties.team = { type: "string" }; input(s).required.push("team"); } },
  "request-optional-field-added": { breaking: false, after: (s) => (input(s).properties.team = { type: "string" }) },
  "request-field-made-required": { breaking: true, after: (s) => input(s).required.push("mode") },
  "request-field-made-optional": { breaking: false, after: (s) => (input(s).required = []) },
  "response-field-removed": { breaking: true, after: (s) => delete item(s).properties.note },
  "response-field-added": { breaking: false, after: (s) => (item(s).properties.team = { type: "string" }) },
  "response-field-made-optional": { breaking: true, after: (s) => (item(s).required = ["id"]) },
  "response-field-made-required": { breaking: true, after: (s) => item(s).required.push("note") },
  "request-variant-removed": { breaking: true, after: (s) => input(s).properties.owner.oneOf.pop() },
  "request-variant-added": { breaking: false, after: (s) => input(s).properties.owner.oneOf.push({ type: "boolean" }) },
  "response-variant-added": { breaking: true, after: (s) => item(s).properties.owner.oneOf.push({ type: "boolean" }) },
  "response-variant-removed": { breaking: false, after: (s) => item(s).properties.owner.oneOf.pop() },
  "component-schema-removed": { breaking: true, before: (s) => { s.components.schemas.Unused = { type: "string" }; } },
  "component-schema-added": { breaking: false, after: (s) => (s.components.schemas.Unused = { type: "string" }) },
};

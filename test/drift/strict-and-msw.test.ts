// The drift zoo for strict validation and the MSW kit: for every vendor and every GET operation
// whose success answer the spec documents with a JSON example, the faithful answer passes, and
// each variant that breaks one thing is caught by `validate: "strict"` with a typed error and
// refused by the MSW kit's respond(): a documented (required) field dropped, renamed or given the
// wrong type, a truncated body, an empty body, an HTML page, a status the spec does not declare.
import { describe, expect, it } from "vitest";
import { aiclicks } from "../../src/aiclicks/vendor.js";
import { ailabsaudit } from "../../src/ailabsaudit/vendor.js";
import { aiptx } from "../../src/aiptx/vendor.js";
import { ayliea } from "../../src/ayliea/vendor.js";
import { exampleValue, operationsOf, parametersOf, type SpecOperation } from "../../src/cli/spec-examples.js";
import { createVendorClient } from "../../src/core/create-client.js";
import { formatPath } from "../../src/core/validate.js";
import type { VendorDescription } from "../../src/core/vendor.js";
import { ApiError, errorOf, MalformedResponseError, ResponseValidationError } from "../../src/index.js";
import { mswHandlers } from "../../src/testing/msw/index.js";
import {
  documentedField,
  dropField,
  exampleBody,
  HTML_PAGE,
  renameField,
  resolve,
  singleTyped,
  truncatedText,
  UNDECLARED_STATUS,
  wrongType,
  type JsonPath,
} from "../fixtures/drift-variants.js";
import { specOf, TEST_KEYS, VENDORS, type Vendor } from "../msw/support.js";

const descriptions: Record<Vendor, VendorDescription> = { aiclicks, ailabsaudit, aiptx, ayliea };

type Answer = { status: number; text: string; type: string };
const json = (body: unknown, status = 200): Answer => ({ status, text: JSON.stringify(body), type: "application/json" });

/** A strict client whose every attempt gets `answer`. */
function strictClient(vendor: Vendor, answer: Answer) {
  return createVendorClient<any>(descriptions[vendor], {
    apiKey: TEST_KEYS[vendor],
    validate: "strict",
    rateLimit: false,
    maxRetries: 0,
    fetch: async () => new Response(answer.text, { status: answer.status, headers: { "Content-Type": answer.type } }),
  });
}

/** The operation's documented example parameters, as a caller passes them. */
function params(spec: ReturnType<typeof specOf>, op: SpecOperation) {
  const required = parametersOf(spec, op).filter((p) => p.required);
  const of = (place: string) => Object.fromEntries(required.filter((p) => p.in === place).map((p) => [p.name, exampleValue(p)]));
  return { path: of("path"), query: of("query") };
}

const settle = (promise: Promise<unknown>): Promise<{ result?: unknown; error?: unknown }> =>
  promise.then((result) => ({ result }), (error: unknown) => ({ error }));

describe.each(VENDORS)("%s drift zoo: strict validation and respond()", (vendor) => {
  const spec = specOf(vendor);
  const { respond } = mswHandlers(vendor) as unknown as { respond: (key: string, status: number, body?: unknown) => unknown };
  const cases = operationsOf(spec)
    .filter(({ method }) => method === "get")
    .map(({ key, path, op }) => {
      const response = (op.responses as Record<string, Record<string, unknown>> | undefined)?.["200"];
      const body = exampleBody(spec, response);
      const media = response && resolve(spec, response as { content?: Record<string, { schema?: Record<string, unknown> }> }).content?.["application/json"];
      const schema = media?.schema;
      return { key, path, op, body, schema };
    })
    .filter((c): c is typeof c & { schema: Record<string, unknown> } => c.body !== undefined && c.schema !== undefined);

  it("has GET operations with documented JSON answers to break", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { key, path, op, body, schema } of cases) {
    const call = (answer: Answer) => settle(strictClient(vendor, answer).GET(path, { params: params(spec, op) }));
    const documented = documentedField(spec, schema as never, body);
    const typed = documentedField(spec, schema as never, body, singleTyped);
    const broken: [string, JsonPath | undefined, (path: JsonPath) => unknown][] = [
      ["a documented field dropped", documented, (at) => dropField(body, at)],
      ["a documented field renamed", documented, (at) => renameField(body, at)],
      ["a field of the wrong type", typed, (at) => wrongType(body, at)],
    ];

    describe(key, () => {
      it("the faithful answer passes strict and respond()", async () => {
        const { result, error } = (await call(json(body))) as { result?: { data: unknown }; error?: unknown };
        expect(error).toBeUndefined();
        expect(result!.data).toEqual(body);
        expect(() => respond(key, 200, body)).not.toThrow();
      });

      // Only where the example holds such a field (the rest of the answer is not documented as required).
      for (const [name, at, mutate] of broken.filter(([, at]) => at !== undefined)) {
        it(`${name} (${formatPath(at!)}): ResponseValidationError naming it; respond() refuses it`, async () => {
          const variant = mutate(at!);
          const { error } = (await call(json(variant))) as { error?: ResponseValidationError };
          expect(error).toBeInstanceOf(ResponseValidationError);
          expect(error!.issues.map((i) => i.path)).toContain(formatPath(at!));
          expect(() => respond(key, 200, variant)).toThrow(/breaks .*'s contract/);
        });
      }

      // Operations that also declare CSV or PDF answers take text as a file: tested in test/aiptx/downloads.test.ts.
      const jsonOnly = descriptions[vendor].operations[key]!.mediaTypes.every((type) => type.includes("json"));
      const bodies: [string, string, string][] = [
        ["a truncated body", truncatedText(body), "application/json"],
        ["an empty body", "", "application/json"],
        ["an HTML page", HTML_PAGE, "text/html"],
      ];
      it.each(jsonOnly ? bodies : [])("%s: MalformedResponseError; respond() refuses it", async (_name, text, type) => {
        const { error } = await call({ status: 200, text, type });
        expect(error).toBeInstanceOf(MalformedResponseError);
        expect(() => respond(key, 200, text)).toThrow(/breaks .*'s contract/);
      });

      it(`an undeclared status (${UNDECLARED_STATUS}): a typed ApiError carrying it; respond() refuses it`, async () => {
        const { result } = (await call(json({ error: "teapot" }, UNDECLARED_STATUS))) as { result: { error: unknown; response: Response } };
        expect(errorOf(result)).toBeInstanceOf(ApiError);
        expect(errorOf(result)!.status).toBe(UNDECLARED_STATUS);
        expect(() => respond(key, UNDECLARED_STATUS, { error: "teapot" })).toThrow(new RegExp(`declares no ${UNDECLARED_STATUS} answer`));
      });
    });
  }

  it("every variant applies somewhere: each vendor has operations with documented (required) fields", () => {
    expect(cases.filter((c) => documentedField(spec, c.schema as never, c.body)).length).toBeGreaterThan(0);
  });
});


// limit=0, limit=101 and offset=-1 break the spec: Prism refuses them with the vendor's 400
// `{error}` body (surfaced as BadRequestError with that message), and the client, validating,
// refuses them itself before sending anything.
import { describe, expect, it } from "vitest";
import { BadRequestError, RequestValidationError, unwrap } from "../../src/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";
import { caught, TEST_KEY } from "./support.js";

const LIMIT_MESSAGE = "limit must be an integer between 1 and 100";
const OFFSET_MESSAGE = "offset must be a non-negative integer";

const cases = [
  { query: { limit: 0 }, param: "limit", example: "limitOutOfRange", message: LIMIT_MESSAGE },
  { query: { limit: 101 }, param: "limit", example: "limitOutOfRange", message: LIMIT_MESSAGE },
  { query: { offset: -1 }, param: "offset", example: "offsetNegative", message: OFFSET_MESSAGE },
] as const;
const paths = ["/recommendations", "/discovery"] as const;

/** Prism's `sl-violations` header: what it found wrong with the request. */
const violatedParams = (response: Response) =>
  (JSON.parse(response.headers.get("sl-violations") ?? "[]") as { location: string[] }[]).map((v) => v.location.join("."));

describe("pagination parameters the Ayliea spec forbids", () => {
  // validate: "off" lets the bad request reach Prism, to prove the mock enforces the spec.
  const unchecked = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), validate: "off", rateLimit: false, maxRetries: 0 });

  for (const path of paths) {
    for (const { query, param, example, message } of cases) {
      const label = `${path}?${Object.entries(query).map(([k, v]) => `${k}=${v}`).join("")}`;

      it(`${label}: Prism refuses it with 400 {error: "${message}"}, surfaced as BadRequestError`, async () => {
        // Prism answers every violation with the FIRST named 400 example; `Prefer` picks the
        // example the vendor documents for this violation, and sl-violations proves it was one.
        const result = await unchecked.GET(path, { params: { query }, headers: { Prefer: `code=400, example=${example}` } });
        expect(result.response.status).toBe(400);
        expect(violatedParams(result.response)).toEqual([`request.query.${param}`]);
        expect(result.error).toEqual({ error: message });
        const error = await caught(() => unwrap(result));
        expect(error).toBeInstanceOf(BadRequestError);
        expect((error as BadRequestError).status).toBe(400);
        expect(error.message).toContain(message);
      });

      it(`${label}: the validating client refuses it before sending, naming query.${param}`, async () => {
        const recorder = recordingFetch();
        const client = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), fetch: recorder.fetch, rateLimit: false });
        const error = await caught(() => client.GET(path, { params: { query } }));
        expect(error).toBeInstanceOf(RequestValidationError);
        expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual([`query.${param}`]);
        expect(error.message).toContain(`query.${param}`);
        expect(recorder.calls).toHaveLength(0);
      });
    }
  }

  it("without a Prefer header Prism still refuses each one with a documented 400 {error} body", async () => {
    for (const path of paths) {
      for (const { query, param } of cases) {
        const result = await unchecked.GET(path, { params: { query } });
        expect(result.response.status).toBe(400);
        expect(violatedParams(result.response)).toEqual([`request.query.${param}`]);
        expect([LIMIT_MESSAGE, OFFSET_MESSAGE]).toContain((result.error as { error: string }).error);
      }
    }
  });

  it("the boundaries limit=1, limit=100 and offset=0 are accepted by Prism and the client", async () => {
    const client = createAylieaClient({ apiKey: TEST_KEY, baseUrl: mockUrl("ayliea"), validate: "strict", rateLimit: false });
    for (const query of [{ limit: 1 }, { limit: 100 }, { offset: 0 }]) {
      const result = await client.GET("/recommendations", { params: { query } });
      expect(result.response.status).toBe(200);
    }
  });
});

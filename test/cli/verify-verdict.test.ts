// What one answer proves, for cases the bundled specs do not happen to combine: judged against a
// small spec of one operation.
import { describe, expect, it } from "vitest";
import { ResponseOracle } from "../../src/cli/response-oracle.js";
import type { BundledSpec, SpecOperation } from "../../src/cli/spec-examples.js";
import { judge, type Answer } from "../../src/cli/verify-verdict.js";

const json = { content: { "application/json": { schema: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } } };
const op: SpecOperation = {
  responses: {
    "200": { ...json, headers: { "X-Request-Id": { required: true, schema: { type: "string" } }, "X-Remaining": { schema: { type: "integer" } } } } as never,
    "202": { content: { "application/pdf": {} } },
    "204": {},
    "404": json,
    "5XX": json,
  },
};
const spec = { info: { title: "t", version: "1" }, servers: [], paths: { "/things": { get: op } } } as unknown as BundledSpec;
const oracle = await ResponseOracle.for(spec);
const url = new URL("http://127.0.0.1:4010/things?page=1");
const answer = (status: number, text = "", headers: Record<string, string> = {}): Answer => ({
  status,
  text,
  headers: new Headers({ "content-type": "application/json", "x-request-id": "r1", ...headers }),
});
const verdict = (a: Answer, namesResource = false) => judge(oracle, { path: "/things", method: "get", op, namesResource }, a, url);

describe("verify verdicts", () => {
  it("a declared 404 for a request that names no resource is a violation; for an example id it is skipped", () => {
    expect(verdict(answer(404, "{}"))).toMatchObject({ kind: "violations", problems: [expect.stringContaining("the path is missing upstream")] });
    expect(verdict(answer(404, "{}"), true)).toEqual({ kind: "skipped", reason: "the example id does not exist upstream" });
  });

  it("a status covered by a range (5XX) is declared, and skipped as an error status", () => {
    expect(verdict(answer(503, "{}"))).toMatchObject({ kind: "skipped" });
  });

  it("a success that keeps to the spec is checked (a charset on the content-type is fine), and carries its body for the drift report", () => {
    expect(verdict(answer(200, '{"id":"a"}', { "content-type": "application/json; charset=utf-8" }))).toEqual({
      kind: "checked",
      json: { body: { id: "a" }, schemaPointer: "/paths/~1things/get/responses/200/content/application~1json/schema" },
    });
  });

  it("the declared headers: a required one missing, and one off its schema, are violations", () => {
    const a = answer(200, '{"id":"a"}', { "x-remaining": "many" });
    a.headers.delete("x-request-id");
    expect(verdict(a)).toMatchObject({ kind: "violations", problems: ["header X-Request-Id: required by the spec, missing", "header X-Remaining: must be integer"] });
    expect(verdict(answer(200, '{"id":"a"}', { "x-remaining": "7" }))).toMatchObject({ kind: "checked" });
  });

  it("an empty, a cut-off and a non-JSON success are violations, never skipped", () => {
    expect(verdict(answer(200, ""))).toEqual({ kind: "violations", problems: ["an empty body where the spec declares application/json"] });
    expect(verdict(answer(200, '{"id":"a'))).toMatchObject({ kind: "violations", problems: [expect.stringMatching(/^the body is not valid JSON \(.*; cut off\?\): it ends "\{\\"id\\":\\"a"$/)] });
    expect(verdict(answer(200, "<html></html>", { "content-type": "text/html" }))).toMatchObject({
      kind: "violations",
      problems: [expect.stringContaining("content-type text/html is not one the spec declares for 200 (application/json)")],
    });
    expect(verdict({ ...answer(200, '{"id":'), broken: "the connection closed before the body ended" })).toMatchObject({
      problems: ["the body is incomplete: the connection closed before the body ended"],
    });
  });

  it("a declared non-JSON media type is checked by its content-type; a body where the spec declares none is a violation", () => {
    expect(verdict(answer(202, "%PDF-1.7", { "content-type": "application/pdf" }))).toEqual({ kind: "checked" });
    expect(verdict(answer(204, ""))).toEqual({ kind: "checked" });
    expect(verdict(answer(204, "surprise"))).toMatchObject({ kind: "violations", problems: ['a body ("surprise") where the spec declares none'] });
  });

  it("a redirect is a violation naming its target's origin and path, never its query", () => {
    const to = (location: string) => verdict(answer(307, "", { location }));
    expect(to("https://files.example.com/signed/report.pdf?X-Amz-Signature=secret")).toMatchObject({
      problems: [expect.stringMatching(/^redirect \(307\) to https:\/\/files\.example\.com\/signed\/report\.pdf: not followed, so the key went to http:\/\/127\.0\.0\.1:4010 only/)],
    });
    expect(JSON.stringify(to("https://files.example.com/a?X-Amz-Signature=secret"))).not.toContain("secret");
    expect(to("/v2/things?page=1")).toMatchObject({ problems: [expect.stringMatching(/^redirect \(307\) to \/v2\/things on the same origin/)] });
    expect(verdict(answer(302))).toMatchObject({ problems: ["status 302 (a redirect) without a Location"] });
  });

  it("an undeclared status is a violation listing the declared ones", () => {
    expect(verdict(answer(418, "{}"))).toEqual({ kind: "violations", problems: ["status 418 is not one the spec declares (200, 202, 204, 404, 5XX)"] });
  });
});

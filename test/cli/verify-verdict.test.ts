// What one answer proves, for statuses the bundled specs do not happen to combine: a declared 404
// is a missing path when the request names no resource, and a skipped example id when it does.
import { describe, expect, it } from "vitest";
import { judge } from "../../src/cli/verify-verdict.js";

const op = { responses: { "200": {}, "404": {}, "5XX": {} } };

describe("verify verdicts", () => {
  it("a declared 404 for a request that names no resource is a violation", () => {
    expect(judge(op, false, 404, [])).toMatchObject({ kind: "violations", problems: [expect.stringContaining("the path is missing upstream")] });
  });

  it("a declared 404 for an example id is skipped", () => {
    expect(judge(op, true, 404, [])).toEqual({ kind: "skipped", reason: "the example id does not exist upstream" });
  });

  it("a status covered by a range (5XX) is declared, and skipped as an error status", () => {
    expect(judge(op, false, 503, [])).toMatchObject({ kind: "skipped" });
  });

  it("a declared success counts as checked only without response violations (request-side findings are the probe's)", () => {
    const request = { location: ["request", "query", "x"], severity: "Error", message: "probe fault" };
    const response = { location: ["response", "body", "id"], severity: "Error", message: "must be string" };
    expect(judge(op, false, 200, [request])).toEqual({ kind: "checked" });
    expect(judge(op, false, 200, [request, response])).toEqual({ kind: "violations", problems: ["response.body.id: must be string"] });
  });
});

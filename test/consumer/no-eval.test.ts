// Edge runtimes and strict CSPs forbid eval and new Function. The built package, run by a Node
// that refuses code generation from strings, must still validate: a conforming answer passes on
// the precompiled check, a refused one gets zod's issues (zod falls back from its JIT by itself).
// Compiles dist/ first when it is stale.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureFreshDist } from "../../scripts/dist.js";
import { repoRoot } from "../../scripts/vendors.js";

const run = promisify(execFile);

const SCRIPT = `
const { createAiclicksClient } = await import(${JSON.stringify(`${repoRoot}/dist/src/aiclicks/index.js`)});
// Code generation really is refused in this process.
let refused = false;
try { new Function("return 1"); } catch { refused = true; }
const spec = JSON.parse(await (await import("node:fs/promises")).readFile(${JSON.stringify(`${repoRoot}/generated/aiclicks/openapi.json`)}, "utf8"));
const good = spec.paths["/api/v1/domains"].get.responses["200"].content["application/json"].example;
let body = good;
const client = createAiclicksClient({ apiKey: "ak_live_no_eval", rateLimit: false, validate: "strict", fetch: async () => Response.json(body) });
const first = await client.GET("/api/v1/domains");
body = { ...good, data: { ...good.data, items: [{ ...good.data.items[0], id: 42 }] } };
const second = await client.GET("/api/v1/domains").catch((error) => error);
console.log(JSON.stringify({ refused, passed: first.error === undefined, issues: second.issues }));
`;

describe("validation without eval or new Function", () => {
  beforeAll(() => ensureFreshDist(), 180_000);

  it("a Node with --disallow-code-generation-from-strings validates with the built package", async () => {
    const { stdout } = await run(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", SCRIPT]);
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { refused: boolean; passed: boolean; issues: unknown };
    expect(result).toEqual({
      refused: true,
      passed: true,
      issues: [{ path: "data.items[0].id", expected: "string", received: "integer", message: expect.any(String) }],
    });
  });
});

// The code samples on every operation of the docs site: each TypeScript sample compiles as a
// consumer's app (strict, NodeNext) and runs against the MSW kit; each curl sample carries real
// example values (path parameters filled, the documented request body); list endpoints show
// paginate, and the downloads and waits show their helper.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { codeSamples, sampleContext } from "../../scripts/docs/code-samples.js";
import { operationsOf } from "../../src/cli/spec-examples.js";
import { mswHandlers } from "../../src/testing/msw/index.js";
import { vendors } from "../../src/testing/msw/vendors.js";
import { specOf, TEST_KEYS, VENDORS } from "../msw/support.js";
import { compileSnippets, repoRoot, runnableSource, snippetWorkspace } from "../readme/compile.js";
import type { Snippet } from "../readme/snippets.js";

interface Sample {
  vendor: (typeof VENDORS)[number];
  key: string;
  hasBody: boolean;
  curl: string;
  ts: Snippet;
}

const samples: Sample[] = VENDORS.flatMap((vendor) => {
  const spec = specOf(vendor);
  const ctx = sampleContext(vendor, spec);
  return operationsOf(spec).map(({ key, method, path, op }, line) => {
    const [curl, ts] = codeSamples(method, path, op, ctx);
    return { vendor, key, hasBody: op.requestBody !== undefined, curl: curl!.source, ts: { line, code: ts!.source } };
  });
});
const where = (s: Sample) => `${s.vendor} ${s.key}`;

describe("docs code samples: TypeScript compiles", () => {
  let workspace: ReturnType<typeof snippetWorkspace> | undefined;
  let results: Map<Snippet, string[]>;
  beforeAll(() => {
    workspace = snippetWorkspace("docs-samples-");
    const byBlock = new Map(samples.map((s) => [s.ts, s]));
    results = compileSnippets(workspace.dir, samples.map((s) => s.ts), (block, at) => `${where(byBlock.get(block)!)} sample line ${at + 1}`);
  }, 240_000);
  afterAll(() => workspace?.remove());

  it.each(samples.map((s) => [where(s), s] as const))("%s", (_name, sample) => {
    expect(results.get(sample.ts)).toEqual([]);
  });
});

describe("docs code samples: curl carries real example values", () => {
  it.each(samples.map((s) => [where(s), s] as const))("%s", (_name, sample) => {
    expect(sample.curl.split("\n")[0]).not.toMatch(/[{}]|%7B/);
    if (sample.hasBody) {
      expect(sample.curl).toMatch(/-d '/);
      expect(sample.curl).not.toContain("-d '{}'");
    }
  });
});

describe("docs code samples: helpers where they exist", () => {
  const source = (vendor: string, key: string) => samples.find((s) => s.vendor === vendor && s.key === key)!.ts.code;
  it.each([
    ["aiclicks", "GET /api/v1/prompts", "client.paginate("],
    ["ailabsaudit", "GET /clients", "client.paginate("],
    ["aiptx", "GET /scans", "client.paginate("],
    ["ayliea", "GET /recommendations", "client.paginate("],
    ["ailabsaudit", "GET /reports/{id}/download", "client.reports.download("],
    ["ailabsaudit", "POST /audits/launch", "client.waitForAudit("],
    ["aiptx", "GET /reports/{report_id}/download", "client.reports.download("],
    ["aiptx", "GET /findings/export", "client.findings.export("],
    ["aiptx", "POST /scans", "client.scans.waitForCompletion("],
  ])("%s %s shows %s", (vendor, key, helper) => {
    expect(source(vendor, key)).toContain(helper);
  });
});

describe("docs code samples: TypeScript runs against the MSW kit", () => {
  const kits = Object.fromEntries(VENDORS.map((v) => [v, mswHandlers(v)])) as { [V in (typeof VENDORS)[number]]: ReturnType<typeof mswHandlers<V>> };
  const server = setupServer(...VENDORS.flatMap((v) => kits[v].handlers));
  // The docs folder is inside the repo, so the samples' imports of src/ and of zod resolve.
  const dir = mkdtempSync(join(repoRoot, "test/docs/.samples-"));
  beforeAll(() => {
    server.listen({ onUnhandledRequest: "error" });
    for (const vendor of VENDORS) vi.stubEnv(vendors[vendor].apiKey.envVar, TEST_KEYS[vendor]);
    vi.spyOn(console, "log").mockImplementation(() => {});
    // The waits poll until a job is done: the mock's scan and audit are finished ones.
    server.use(
      kits.aiptx.respond("GET /scans/{scan_id}/status", 200, {
        success: true,
        data: { id: "scan_abc123", status: "completed", progress: 100, current_phase: "reporting", findings_count: { critical: 0, high: 1, medium: 2, low: 3 } },
      }),
      kits.aiptx.respond("GET /scans/{scan_id}", 200, { success: true, data: { id: "scan_abc123", status: "completed", progress: 100 } }),
      kits.ailabsaudit.respond("GET /audits/{id}", 200, { success: true, data: { id: 1288, status: "completed" } } as never),
    );
  });
  afterAll(() => {
    server.close();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(samples.map((s, i) => [where(s), s, i] as const))("%s", async (_name, sample, i) => {
    const file = join(dir, `sample-${i}.ts`);
    writeFileSync(file, runnableSource(sample.ts.code));
    await import(file);
  });
});

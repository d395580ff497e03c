// Cold start, as a serverless function or a CLI pays it on every start: in a fresh Node process,
// import the compiled vendor entry, create a client and make one call on an in-memory fetch that
// answers with the spec's own example, with validation "off" and "strict". One process per sample
// (bench/cold-start-sample.mjs), samples interleaved; medians. Beside them, importing zod alone:
// a validated first call can get no closer to the unvalidated one than that. Reported, never asserted.
import { readFileSync } from "node:fs";
import { ensureFreshDist } from "../scripts/dist.js";
import { run } from "../scripts/run.js";
import { repoRoot } from "../scripts/vendors.js";
import { median, type BenchResult } from "./measure.js";

export const COLD_START_TARGET = 1.5;

/** One list call per vendor, with a key of the vendor's form. */
const CALLS = [
  { vendor: "aiclicks", factory: "createAiclicksClient", apiKey: "ak_live_bench", path: "/api/v1/visibility-time-series", query: { domain_id: "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3", days: 30 } },
  { vendor: "ailabsaudit", factory: "createAilabsauditClient", apiKey: "aila_bench", path: "/clients", query: { page: 1, per_page: 20 } },
  { vendor: "aiptx", factory: "createAiptxClient", apiKey: "aiptx_bench", path: "/scans", query: { page: 1, limit: 20 } },
  { vendor: "ayliea", factory: "createAylieaClient", apiKey: `ayliea_pk_${"0123456789abcdef".repeat(4)}`, path: "/scores", query: {} },
];

type Spec = { paths: Record<string, { get: { responses: { 200: { content: { "application/json": { example: unknown } } } } } }> };

async function sample(argument: object): Promise<number> {
  const output = await run(process.execPath, ["bench/cold-start-sample.mjs", JSON.stringify(argument)]);
  return (JSON.parse(output.slice(output.lastIndexOf("{"))) as { ms: number }).ms;
}

export async function coldStart(samples = 9): Promise<BenchResult[]> {
  await ensureFreshDist();
  const runs = CALLS.flatMap(({ query, ...call }) => {
    const spec = JSON.parse(readFileSync(`${repoRoot}/generated/${call.vendor}/openapi.json`, "utf8")) as Spec;
    const body = JSON.stringify(spec.paths[call.path]!.get.responses[200].content["application/json"].example);
    const init = { params: { query } };
    return (["off", "strict"] as const).map((validate) => ({ label: `${call.vendor}, validate "${validate}"`, argument: { ...call, method: "GET", init, body, validate } }));
  });
  const contenders = [{ label: "import zod alone", argument: { zodOnly: true } }, ...runs];
  const times = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  for (let round = 0; round < samples; round++) {
    for (const { label, argument } of contenders) times.get(label)!.push(await sample(argument));
  }
  const ms = (label: string) => median(times.get(label)!);
  const zod = ms("import zod alone");
  const results: BenchResult[] = [{ name: "import zod alone (the least validation adds)", value: zod, unit: "ms" }];
  for (const { vendor } of CALLS) {
    const off = ms(`${vendor}, validate "off"`);
    const strict = ms(`${vendor}, validate "strict"`);
    results.push(
      { name: `${vendor}: first call, "off"`, value: off, unit: "ms" },
      { name: `${vendor}: first call, "strict" (× "off")`, value: strict, unit: "ms", ratio: strict / off, target: COLD_START_TARGET },
      { name: `${vendor}: "strict" × its floor, "off" + zod`, value: strict, unit: "ms", ratio: strict / (off + zod) },
    );
  }
  return results;
}

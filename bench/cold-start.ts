// Cold start, as a serverless function or a CLI pays it on every start: in a fresh Node process,
// import, create a client and make one call on an in-memory fetch that answers with the spec's
// own example; our compiled vendor entry with validation "off" and "strict", and openapi-fetch
// alone making the same call (the floor: what the client is built on). One process per sample
// (bench/cold-start-sample.mjs), contenders alternating; times are medians, and a ratio is the
// median over rounds of the two contenders' times in the same round, so the machine's drift
// between rounds (several milliseconds on a shared VM) falls on both. Each sample is pinned to
// one CPU with taskset where it exists: on a machine whose cores differ in speed (a noisy
// neighbour on one), the scheduler's pick of a core otherwise splits the samples into two modes.
// Run on this machine's Node, then on the Node lines users run today (22, 24: binaries from the
// runtime cache of the support matrix, fetched once), whose start-up costs differ. Reported,
// never asserted.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { ensureFreshDist } from "../scripts/dist.js";
import { NODE_22, NODE_24 } from "../scripts/matrix/pins.js";
import { runtimeBinary } from "../scripts/matrix/runtimes.js";
import { run } from "../scripts/run.js";
import { repoRoot } from "../scripts/vendors.js";
import { median, type BenchResult } from "./measure.js";

/** Cold "off" over openapi-fetch alone's cold call. */
export const COLD_OFF_TARGET = 1.15;
/** Cold "strict" over cold "off", per vendor. */
export const COLD_STRICT_TARGET = 1.5;

/** One list call per vendor, with a key of the vendor's form. */
const CALLS = [
  { vendor: "aiclicks", factory: "createAiclicksClient", apiKey: "ak_live_bench", path: "/api/v1/visibility-time-series", query: { domain_id: "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3", days: 30 } },
  { vendor: "ailabsaudit", factory: "createAilabsauditClient", apiKey: "aila_bench", path: "/clients", query: { page: 1, per_page: 20 } },
  { vendor: "aiptx", factory: "createAiptxClient", apiKey: "aiptx_bench", path: "/scans", query: { page: 1, limit: 20 } },
  { vendor: "ayliea", factory: "createAylieaClient", apiKey: `ayliea_pk_${"0123456789abcdef".repeat(4)}`, path: "/scores", query: {} },
];

type Spec = { paths: Record<string, { get: { responses: { 200: { content: { "application/json": { example: unknown } } } } } }> };

/** `taskset -c <last CPU>` when taskset is installed, else nothing. */
function pinning(): string[] {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return ["taskset", "-c", String(cpus().length - 1)];
  } catch {
    return [];
  }
}

export async function coldStart(samples = 15): Promise<BenchResult[]> {
  await ensureFreshDist();
  const results = await coldStartOn(process.execPath, `Node ${process.versions.node} (this machine's) · `, samples);
  for (const pin of [NODE_22, NODE_24]) results.push(...(await coldStartOn(await runtimeBinary(pin), `${pin.name} · `, samples)));
  return results;
}

/** The cold-start figures with one Node binary; `runtime` prefixes each name. */
async function coldStartOn(node: string, runtime: string, samples: number): Promise<BenchResult[]> {
  const pin = pinning();
  const sample = async (argument: object): Promise<number> => {
    const command = [...pin, node, "bench/cold-start-sample.mjs", JSON.stringify(argument)];
    const output = await run(command[0]!, command.slice(1));
    return (JSON.parse(output.slice(output.lastIndexOf("{"))) as { ms: number }).ms;
  };
  const contenders = CALLS.flatMap(({ query, ...call }) => {
    const spec = JSON.parse(readFileSync(`${repoRoot}/generated/${call.vendor}/openapi.json`, "utf8")) as Spec;
    const body = JSON.stringify(spec.paths[call.path]!.get.responses[200].content["application/json"].example);
    const argument = { ...call, method: "GET", init: { params: { query } }, body };
    return [
      { label: `${call.vendor}, openapi-fetch alone`, argument: { ...argument, openapiFetch: true } },
      ...(["off", "strict"] as const).map((validate) => ({ label: `${call.vendor}, validate "${validate}"`, argument: { ...argument, validate } })),
    ];
  });
  const times = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  for (let round = 0; round < samples; round++) {
    for (const { label, argument } of contenders) times.get(label)!.push(await sample(argument));
  }
  const results: BenchResult[] = [];
  for (const { vendor } of CALLS) {
    const [floor, off, strict] = ["openapi-fetch alone", 'validate "off"', 'validate "strict"'].map((c) => times.get(`${vendor}, ${c}`)!);
    const paired = (a: number[], b: number[]) => median(a.map((time, round) => time / b[round]!));
    results.push(
      { name: `${runtime}${vendor}: openapi-fetch alone, first call`, value: median(floor!), unit: "ms" },
      { name: `${runtime}${vendor}: "off", first call (× openapi-fetch)`, value: median(off!), unit: "ms", ratio: paired(off!, floor!), target: COLD_OFF_TARGET },
      { name: `${runtime}${vendor}: "strict", first call (× "off")`, value: median(strict!), unit: "ms", ratio: paired(strict!, off!), target: COLD_STRICT_TARGET },
    );
  }
  results.push({ name: `${runtime}samples per contender${pin.length ? `, pinned to CPU ${pin[2]}` : " (taskset missing: not pinned)"}`, value: samples, unit: "" });
  return results;
}

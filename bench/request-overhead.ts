// Per-request cost of the client against raw fetch, same loopback server, same run: a 365-day
// AIclicks time series, with validation off and strict, and openapi-fetch alone for scale. Each
// mode is also set against its floor: "off" against openapi-fetch alone (what the client is built
// on), "strict" against openapi-fetch plus zod's check of the same body (the client checks with
// its precompiled check, and reaches zod only for a body that fails it). The floors are measured
// twice: over loopback, and with the same calls answered by an in-memory fetch, where only the
// clients' own work differs (the targets are held there).
// Every contender runs in this one process (the server in another), in interleaved rounds: each
// round runs every contender once, in a rotated order, so machine drift and JIT state fall on all
// alike; a contender's ratio is the median over rounds of its time over its floor's in the same
// round. Reported as ratios, never asserted.
import { spawn } from "node:child_process";
import { ensureFreshDist } from "../scripts/dist.js";
import { bin } from "../scripts/run.js";
import { median, type BenchResult } from "./measure.js";
import { contender } from "./request-contender.js";
import { CONTENDERS, type Contender } from "./request-contender-names.js";

/** The loopback server in its own process; resolves with its URL and a stop function. */
async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(bin("tsx"), ["bench/loopback-server.ts"], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`the benchmark server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.stdin.end() };
}

async function timeOf(run: () => Promise<unknown>, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await run();
  return (performance.now() - started) / count;
}

export async function requestOverhead(rounds = 12, requestsPerRun = 1_000): Promise<BenchResult[]> {
  await ensureFreshDist();
  const server = await startServer();
  const samples = new Map<string, number[]>(CONTENDERS.map((name) => [name, []]));
  try {
    const runs = new Map<Contender, () => Promise<unknown>>();
    for (const name of CONTENDERS) runs.set(name, await contender(name, server.url));
    // Warm-up: every contender's code paths compiled before anything is timed.
    for (const name of CONTENDERS) await timeOf(runs.get(name)!, 300);
    for (let round = 0; round < rounds; round++) {
      // The order turns each round, so no contender always runs right after the same neighbour.
      const order = [...CONTENDERS.slice(round % CONTENDERS.length), ...CONTENDERS.slice(0, round % CONTENDERS.length)];
      for (const name of order) samples.get(name)!.push(await timeOf(runs.get(name)!, requestsPerRun));
    }
  } finally {
    server.stop();
  }
  /** Median over rounds of a contender's time over its floor's in the same round. */
  const against = (name: Contender, floor: (round: number) => number) => median(samples.get(name)!.map((time, round) => time / floor(round)));
  const at = (name: Contender) => (round: number) => samples.get(name)![round]!;
  const results: BenchResult[] = CONTENDERS.filter((name) => !name.endsWith("in-memory fetch")).map((name) => ({
    name: `per request: ${name}`,
    value: median(samples.get(name)!),
    unit: "ms",
    ratio: against(name, at("raw fetch")),
    target: name.includes('"off"') ? 1.1 : name.includes('"strict"') ? 1.3 : undefined,
  }));
  const floors = (suffix: string, target?: number): BenchResult[] => {
    const [plain, off, strict] = [`openapi-fetch alone${suffix}`, `client, validate "off"${suffix}`, `client, validate "strict"${suffix}`] as Contender[];
    return [
      { name: `"off" × openapi-fetch alone${suffix}`, value: median(samples.get(off!)!), unit: "ms", ratio: against(off!, at(plain!)), ...(target && { target }) },
      {
        name: `"strict" × openapi-fetch + zod${suffix}`,
        value: median(samples.get(strict!)!),
        unit: "ms",
        ratio: against(strict!, (round) => at(plain!)(round) + at("zod check of the body alone")(round)),
        ...(target && { target }),
      },
    ];
  };
  // The targets are held in one process (the terms): over loopback, the server's process
  // competes for the same cores, and its share of the noise falls unevenly on the contenders.
  results.push(...floors(""), ...floors(", in-memory fetch", 1.05));
  return results;
}

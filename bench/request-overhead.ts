// Per-request cost of the client against raw fetch, same loopback server, same run: a 365-day
// AIclicks time series, with validation off and strict, and openapi-fetch alone for scale. Each
// mode is also set against its floor: "off" against openapi-fetch alone (what the client is built
// on), "strict" against openapi-fetch plus the zod check of the body alone, with zod's regular
// parser and with its compiled one (which the client uses from an operation's second check on).
// Each contender runs in a process of its own (bench/request-contender.ts), in turn, round after
// round; a contender's ratio is the median over rounds of its time over raw fetch's in the same
// round, so drift in the machine's speed cancels out. Reported as ratios, never asserted.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ensureFreshDist } from "../scripts/dist.js";
import { bin, run } from "../scripts/run.js";
import { median, type BenchResult } from "./measure.js";
import { CONTENDERS, type Contender } from "./request-contender-names.js";
import { seriesBody } from "./time-series.js";

export async function requestOverhead(rounds = 8, requestsPerRun = 1_500): Promise<BenchResult[]> {
  await ensureFreshDist();
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "bench" });
    res.end(seriesBody);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const samples = new Map<string, number[]>(CONTENDERS.map((name) => [name, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      // The order turns each round, so no contender always runs right after the same neighbour.
      const order = [...CONTENDERS.slice(round % CONTENDERS.length), ...CONTENDERS.slice(0, round % CONTENDERS.length)];
      for (const name of order) {
        const output = await run(bin("tsx"), ["bench/request-contender.ts", name, url, String(requestsPerRun)]);
        const { ms } = JSON.parse(output.slice(output.lastIndexOf("{"))) as { ms: number };
        samples.get(name)!.push(ms);
      }
    }
  } finally {
    server.close();
  }
  /** Median over rounds of a contender's time over its floor's in the same round. */
  const against = (name: Contender, floor: (round: number) => number) => median(samples.get(name)!.map((time, round) => time / floor(round)));
  const at = (name: Contender) => (round: number) => samples.get(name)![round]!;
  const results: BenchResult[] = CONTENDERS.map((name) => ({
    name: `per request: ${name}`,
    value: median(samples.get(name)!),
    unit: "ms",
    ratio: against(name, at("raw fetch")),
    target: name.includes('"off"') ? 1.1 : name.includes('"strict"') ? 1.3 : undefined,
  }));
  const off = 'client, validate "off"';
  const strict = 'client, validate "strict"';
  results.push(
    { name: `"off" × its floor, openapi-fetch alone`, value: median(samples.get(off)!), unit: "ms", ratio: against(off, at("openapi-fetch alone")), target: 1.05 },
    {
      name: `"strict" × its floor, openapi-fetch + zod`,
      value: median(samples.get(strict)!),
      unit: "ms",
      ratio: against(strict, (round) => at("openapi-fetch alone")(round) + at("zod check of the body alone")(round)),
      target: 1.05,
    },
    {
      name: `"strict" × openapi-fetch + compiled zod`,
      value: median(samples.get(strict)!),
      unit: "ms",
      ratio: against(strict, (round) => at("openapi-fetch alone")(round) + at("zod check, compiled parser")(round)),
      target: 1.05,
    },
  );
  return results;
}

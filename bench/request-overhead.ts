// Per-request cost of the client against raw fetch, same loopback server, same run: a 365-day
// AIclicks time series, with validation off and strict, and openapi-fetch alone for scale.
// Each contender runs in a process of its own (bench/request-contender.ts), in turn, round after
// round; a contender's ratio is the median over rounds of its time over raw fetch's in the same
// round, so drift in the machine's speed cancels out. Reported as ratios, never asserted.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ensureFreshDist } from "../scripts/dist.js";
import { bin, run } from "../scripts/run.js";
import { median, type BenchResult } from "./measure.js";
import { CONTENDERS } from "./request-contender-names.js";
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
  const raw = samples.get("raw fetch")!;
  return [...samples].map(([name, times]) => ({
    name: `per request: ${name}`,
    value: median(times),
    unit: "ms",
    ratio: median(times.map((time, round) => time / raw[round]!)),
    target: name.includes('"off"') ? 1.1 : name.includes('"strict"') ? 1.3 : undefined,
  }));
}

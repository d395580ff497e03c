// Per-request cost of the client against raw fetch, same loopback server, same run: a 365-day
// AIclicks time series, with validation off and strict, and openapi-fetch alone for scale.
// Reported as ratios, never asserted.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import createFetchClient from "openapi-fetch";
import { createAiclicksClient, type paths } from "../src/aiclicks/index.js";
import { median, type BenchResult } from "./measure.js";

const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";
const day = (i: number) => new Date(Date.UTC(2025, 10, 23) + i * 86_400_000).toISOString().slice(0, 10);
const body = JSON.stringify({
  data: { items: Array.from({ length: 365 }, (_, i) => ({ date: day(i), value: Math.round(Math.random() * 10_000) / 100 })) },
  domain_id,
  days: 365,
  generated_at: "2026-11-23T10:00:11.218Z",
});

export async function requestOverhead(rounds = 15, perRound = 60): Promise<BenchResult[]> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "bench" });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const path = `/api/v1/visibility-time-series?domain_id=${domain_id}&days=365`;
  const options = { apiKey: "ak_live_bench", baseUrl: url, rateLimit: false as const };
  const off = createAiclicksClient({ ...options, validate: "off" });
  const strict = createAiclicksClient({ ...options, validate: "strict" });
  const query = { params: { query: { domain_id, days: 365 } } };
  const plain = createFetchClient<paths>({ baseUrl: url, headers: { authorization: "Bearer ak_live_bench" } });
  const contenders: Record<string, () => Promise<unknown>> = {
    "raw fetch": async () => (await fetch(url + path, { headers: { authorization: "Bearer ak_live_bench" } })).json(),
    // What the client is built on, without any of our behaviours: the floor for "off".
    "openapi-fetch alone": () => plain.GET("/api/v1/visibility-time-series", query),
    'client, validate "off"': () => off.GET("/api/v1/visibility-time-series", query),
    'client, validate "strict"': () => strict.GET("/api/v1/visibility-time-series", query),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (const run of Object.values(contenders)) for (let i = 0; i < 50; i++) await run(); // warm-up
  // Interleaved rounds, so drift in the machine's load hits every contender alike.
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const t0 = performance.now();
      for (let i = 0; i < perRound; i++) await run();
      samples[name]!.push((performance.now() - t0) / perRound);
    }
  }
  server.close();
  const base = median(samples["raw fetch"]!);
  return Object.entries(samples).map(([name, s]) => ({
    name: `per request: ${name}`,
    value: median(s),
    unit: "ms",
    ratio: median(s) / base,
    target: name.includes("off") ? 1.1 : name.includes("strict") ? 1.3 : undefined,
  }));
}

// Budget efficiency of one API key shared by several processes: the ideal time for the run (what
// the limit allows: the last of T calls can start (⌈T / limit⌉ − 1) windows after the first)
// divided by the measured time (first to last successful start, as the server saw them), with
// the 429s the server answered. Redis store vs a limiter per process, 1 and 4 processes, against
// a loopback server enforcing the limit in fixed windows. Up to 10 retries (each honouring
// Retry-After), so every call finishes and a wasted 429 shows as time, not as a missing call.
import { startFixedWindowServer } from "../test/redis/fixtures/fixed-window-server.js";
import { startRedis } from "../test/redis/fixtures/redis-server.js";
import { runWorkers } from "../test/redis/fixtures/run-workers.js";
import type { BenchResult } from "./measure.js";

const LIMIT = 20;
const WINDOW_MS = 1_000;
const TOTAL_CALLS = 80;

async function run(processes: number, redisUrl: string | undefined): Promise<BenchResult[]> {
  const api = await startFixedWindowServer(LIMIT, WINDOW_MS);
  try {
    const statuses = (
      await runWorkers(processes, {
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        BASE_URL: api.url,
        LIMIT: String(LIMIT),
        WINDOW_MS: String(WINDOW_MS),
        CALLS: String(TOTAL_CALLS / processes),
        MAX_RETRIES: "10",
      })
    ).flat();
    const ok = api.seen.filter((s) => s.status === 200).map((s) => s.at);
    const ideal = (Math.ceil(TOTAL_CALLS / LIMIT) - 1) * WINDOW_MS;
    const label = `${processes} process${processes > 1 ? "es" : ""}, ${redisUrl ? "Redis store" : "limiter per process"}`;
    return [
      { name: `${label}: budget efficiency`, value: ideal / (Math.max(...ok) - Math.min(...ok)), unit: "(target ≥ 0.85)" },
      { name: `${label}: 429 answers`, value: api.seen.filter((s) => s.status === 429).length, unit: "(target 0)" },
      { name: `${label}: calls failed`, value: statuses.filter((s) => s !== 200).length, unit: `of ${TOTAL_CALLS}` },
    ];
  } finally {
    await api.close();
  }
}

export async function sharedRateLimit(): Promise<BenchResult[]> {
  const redis = await startRedis();
  try {
    const results: BenchResult[] = [];
    for (const processes of [1, 4]) {
      for (const url of [redis.url, undefined]) {
        redis.cli("FLUSHALL");
        results.push(...(await run(processes, url)));
      }
    }
    return results;
  } finally {
    await redis.stop();
  }
}

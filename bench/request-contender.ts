// The contenders of the request-overhead benchmark: each one a function that makes one request
// (or one zod check), built once. bench/request-overhead.ts runs them all in one process.
import createFetchClient from "openapi-fetch";
import type { createAiclicksClient as CreateClient, paths } from "../src/aiclicks/index.js";
import type { Contender } from "./request-contender-names.js";
import { domain_id, seriesBody } from "./time-series.js";

const bodyBytes = new TextEncoder().encode(seriesBody);
const inMemory = async () => new Response(bodyBytes, { status: 200, headers: { "content-type": "application/json", "x-request-id": "bench" } });

export async function contender(name: Contender, url: string): Promise<() => Promise<unknown>> {
  // The compiled package, as an app runs it.
  const distEntry = "../dist/src/aiclicks/index.js";
  const schemasEntry = "../dist/generated/aiclicks/zod.js";
  const path = "/api/v1/visibility-time-series";
  const query = { params: { query: { domain_id, days: 365 } } };
  const rawUrl = `${url}${path}?domain_id=${domain_id}&days=365`;
  const options = { apiKey: "ak_live_bench", baseUrl: url, rateLimit: false as const };
  switch (name) {
    case "raw fetch":
      return async () => (await fetch(rawUrl, { headers: { authorization: "Bearer ak_live_bench" } })).json();
    case "raw fetch + timeout + id headers":
      // The least any client pays for a per-attempt timeout and the request id and attempt
      // headers: raw fetch with just those, for scale.
      return async () => {
        const attempt = new AbortController();
        const timer = setTimeout(() => attempt.abort(), 30_000);
        timer.unref();
        const headers = { authorization: "Bearer ak_live_bench", "x-request-id": crypto.randomUUID(), "x-attempt": "1" };
        const response = await fetch(rawUrl, { headers, signal: attempt.signal });
        const data: unknown = await response.json();
        clearTimeout(timer);
        return data;
      };
    case "openapi-fetch alone": {
      // What the client is built on, without any of our behaviours.
      const plain = createFetchClient<paths>({ baseUrl: url, headers: { authorization: "Bearer ak_live_bench" } });
      return () => plain.GET(path, query);
    }
    case 'client, validate "off"':
    case 'client, validate "strict"': {
      const { createAiclicksClient } = (await import(distEntry)) as { createAiclicksClient: typeof CreateClient };
      const client = createAiclicksClient({ ...options, validate: name.includes("strict") ? "strict" : "off" });
      return () => client.GET(path, query);
    }
    // The same calls answered by a fetch in this process (a fresh Response of the same bytes each
    // time): no socket, no server, so only the clients' own work differs between contenders.
    case "openapi-fetch alone, in-memory fetch": {
      const plain = createFetchClient<paths>({ baseUrl: url, headers: { authorization: "Bearer ak_live_bench" }, fetch: inMemory });
      return () => plain.GET(path, query);
    }
    case 'client, validate "off", in-memory fetch':
    case 'client, validate "strict", in-memory fetch': {
      const { createAiclicksClient } = (await import(distEntry)) as { createAiclicksClient: typeof CreateClient };
      const client = createAiclicksClient({ ...options, fetch: inMemory, validate: name.includes("strict") ? "strict" : "off" });
      return () => client.GET(path, query);
    }
    case "zod check of the body alone": {
      // No request: what checking this body with zod costs by itself, the floor "strict" is held
      // to (openapi-fetch plus this); the client's precompiled check of it costs less.
      const { zGetVisibilityTimeSeriesResponse: schema } = (await import(schemasEntry)) as typeof import("../generated/aiclicks/zod.js");
      const parsed: unknown = JSON.parse(seriesBody);
      return async () => schema.safeParse(parsed);
    }
  }
}

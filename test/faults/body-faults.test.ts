// Property (issue 23): bodies cut or stalled at random points across attempts. Reading a buffered
// body is part of its attempt, so the call succeeds whenever an attempt remains after the broken
// ones, and fails with the body's typed error when none does. Scenarios run side by side, so the
// waits of one overlap the others'.
// Replay a failure with the seed it prints: BODY_FAULT_SEED=<seed> npx vitest run test/faults/body-faults.test.ts
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createVendorClient } from "../../src/core/create-client.js";
import { ConnectionError, MalformedResponseError } from "../../src/index.js";
import { TEST_KEY, testVendor, type TestPaths } from "../fixtures/test-vendor.js";

const SEED = process.env.BODY_FAULT_SEED ? Number(process.env.BODY_FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
const BATCH = 12;
// Long enough for a whole answer on a loaded machine; a stalled body costs one of these.
const TIMEOUT_MS = 2_500;

type Fault = { kind: "cut" | "stall"; at: number };
interface Scenario {
  method: "GET" | "PUT" | "DELETE";
  parseAs: "json" | "text" | "arrayBuffer";
  maxRetries: number;
  /** Items in the body, so bodies differ in length and the cut points with them. */
  items: number;
  /** The broken answers, in order; every later attempt is answered whole. `at` is a fraction of the body. */
  faults: Fault[];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  method: fc.constantFrom("GET" as const, "PUT" as const, "DELETE" as const),
  parseAs: fc.constantFrom("json" as const, "text" as const, "arrayBuffer" as const),
  maxRetries: fc.integer({ min: 0, max: 3 }),
  items: fc.integer({ min: 1, max: 2_000 }),
  faults: fc.array(fc.record({ kind: fc.constantFrom("cut" as const, "stall" as const), at: fc.double({ min: 0, max: 0.99, noNaN: true }) }), {
    minLength: 0,
    maxLength: 4,
  }),
});

const bodyOf = (items: number) => JSON.stringify({ items: Array.from({ length: items }, (_, i) => i) });

// One server for every scenario: each scenario's requests go to a path of their own.
const routes = new Map<string, { s: Scenario; served: number }>();
const sockets = new Set<Socket>();
const server = createServer((req, res) => {
  req.resume();
  const route = routes.get(req.url!.split("?")[0]!);
  if (!route) return res.writeHead(404).end();
  const { s } = route;
  const fault = s.faults[route.served++];
  answer(res, bodyOf(s.items), fault);
});
server.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

function answer(res: ServerResponse, body: string, fault: Fault | undefined) {
  const bytes = Buffer.from(body);
  res.writeHead(200, { "content-type": "application/json", "content-length": String(bytes.length) });
  if (!fault) return res.end(bytes);
  const part = bytes.subarray(0, Math.floor(bytes.length * fault.at));
  // A cut ends the connection after the part; a stall sends the part and then nothing.
  res.write(part, () => (fault.kind === "cut" ? res.socket?.destroy() : undefined));
}

let url = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A first call warms up fetch and its connection, which can take long in a fresh process.
  expect(await run({ method: "GET", parseAs: "json", maxRetries: 0, items: 1, faults: [] })).toBeUndefined();
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

let next = 0;
async function run(s: Scenario): Promise<string | undefined> {
  const path = `/s${next++}`;
  routes.set(path, { s, served: 0 });
  const client = createVendorClient<TestPaths>(testVendor, { apiKey: TEST_KEY, baseUrl: url, rateLimit: false, maxRetries: s.maxRetries, timeoutMs: TIMEOUT_MS });
  const call = (client[s.method] as (p: string, i: object) => Promise<{ data: unknown }>)(path, { parseAs: s.parseAs });
  const expected = bodyOf(s.items);
  const attemptsLeft = s.faults.length <= s.maxRetries;
  // On a loaded machine a whole answer can also time out and take an attempt: what must never
  // happen is giving up while attempts remain, or returning anything but the whole body.
  const served = () => routes.get(path)!.served;
  try {
    const { data } = await call;
    const text = typeof data === "string" ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : JSON.stringify(data);
    if (!attemptsLeft) return `succeeded though all ${s.maxRetries + 1} attempts were broken`;
    if (text !== expected) return `data differs from the body sent (${text.length} of ${expected.length} characters)`;
    if (served() < s.faults.length + 1 || served() > s.maxRetries + 1) return `${served()} requests for ${s.faults.length} broken answers`;
    return undefined;
  } catch (error) {
    if (served() < s.maxRetries + 1) return `gave up after ${served()} of ${s.maxRetries + 1} attempts: ${(error as Error).name}: ${(error as Error).message}`;
    // A cut body is malformed, a stalled one a timeout; a cut before the first byte can look like a reset.
    if (!(error instanceof MalformedResponseError) && !(error instanceof ConnectionError)) {
      return `failed with ${(error as Error).name}: ${(error as Error).message}`;
    }
    return undefined;
  } finally {
    routes.delete(path);
  }
}

it(`bodies cut or stalled at random points: the call succeeds whenever an attempt remains (seed ${SEED})`, { timeout: 180_000 }, async () => {
  let reported: string[] = [];
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(scenario, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const results = await Promise.all(batch.map(run));
        reported = results.flatMap((broken, i) => (broken ? [`${broken}\n  in ${JSON.stringify(batch[i])}`] : []));
        return reported.length === 0;
      }),
      { seed: SEED, numRuns: 3, endOnFailure: true },
    );
  } catch (error) {
    throw new Error(`seed ${SEED} (replay: BODY_FAULT_SEED=${SEED}):\n${reported.join("\n")}\n${(error as Error).message.split("\n")[0]}`);
  }
  expect(reported).toEqual([]);
});

// Runs one drawn scenario against two loopback servers (the vendor's origin and another one a
// redirect may point at) through an injected fetch, and returns every invariant it breaks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { createVendorClient } from "../../src/core/create-client.js";
import { MAX_REDIRECTS } from "../../src/core/redirect.js";
import { unwrap, VendorError } from "../../src/index.js";
import { MAX_RESPONSE_BYTES, VENDORS, type Answer, type Scenario, type Wait } from "./scenario.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A loopback server that hands each request to the handler registered for its /s/<id>/ prefix. */
export async function startRouter() {
  const routes = new Map<string, Handler>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const id = /^\/s\/([^/]+)\//.exec(req.url ?? "")?.[1];
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const handler = id === undefined ? undefined : routes.get(id);
      if (handler) handler(req, res, Buffer.concat(chunks).toString());
      else res.writeHead(410).end();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
export type Router = Awaited<ReturnType<typeof startRouter>>;

/**
 * Timers the package itself arms (their creator's frame is in src/core/), so a run can tell
 * whether any is still pending once every call has settled. Installed for the suite only.
 */
export function trackCoreTimers() {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const pending = new Map<unknown, string>();
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const creator = new Error().stack?.split("\n")[2] ?? "";
    const timer = realSet(() => {
      pending.delete(timer);
      fn(...args);
    }, ms);
    if (creator.includes("/src/core/")) pending.set(timer, creator.trim());
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(timer);
    realClear(timer);
  }) as typeof clearTimeout;
  return {
    pending: () => [...pending.values()],
    restore() {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

const backoffCap = (retry: number) => Math.min(500 * 2 ** retry, 8_000);

/**
 * The longest a call may take, from its options alone: every attempt its full timeoutMs, every
 * wait between attempts the longest it may be (a backoff, or a server wait up to maxRetryWaitMs),
 * and a margin for a loaded machine.
 */
export function settleBoundMs(s: Scenario, marginMs: number): number {
  let waits = 0;
  for (let retry = 0; retry < s.maxRetries; retry++) waits += Math.max(backoffCap(retry), s.maxRetryWaitMs);
  return (s.maxRetries + 1) * s.timeoutMs + waits + marginMs;
}

/** The vendor's own error shape, so its errorBody reader sees what the real API sends. */
function vendorErrorBody(vendor: string, status: number, message: string): unknown {
  switch (vendor) {
    case "aiclicks":
      return { detail: message };
    case "ailabsaudit":
      return { success: false, error: { code: status, message } };
    case "aiptx":
      return { success: false, error: { code: `E${status}`, message }, meta: { request_id: `req_${status}` } };
    default:
      return { error: message };
  }
}

function waitHeaders(wait: Wait): Record<string, string> {
  const now = Date.now();
  switch (wait.header) {
    case "retry-after":
      return { "retry-after": String(wait.seconds) };
    case "retry-after-date":
      return { "retry-after": new Date(now + wait.offsetSeconds * 1000).toUTCString() };
    case "retry-after-ms":
      return { "retry-after-ms": String(wait.ms) };
    case "x-ratelimit-reset":
      return { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(now / 1000) + wait.offsetSeconds) };
    case "garbage":
      return { "retry-after": wait.value, "retry-after-ms": wait.value };
    case "none":
      return {};
  }
}

const JSON_TYPE = { "content-type": "application/json" };
const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { ...JSON_TYPE, ...headers }).end(JSON.stringify(body));

/** How the server answers one request. */
function serve(answer: Answer, s: Scenario, id: string, other: string, req: IncomingMessage, res: ServerResponse, n: number) {
  const echo = (yes: boolean) => (yes ? ` (you sent ${s.key})` : "");
  switch (answer.kind) {
    case "ok":
      return sendJson(res, answer.status, { n, items: [1, 2, 3] });
    case "apiError":
      return sendJson(res, answer.status, vendorErrorBody(s.vendor, answer.status, `${"m".repeat(answer.messageLength)}${echo(answer.echoKey)}.`));
    case "retryable":
      return sendJson(res, answer.status, vendorErrorBody(s.vendor, answer.status, `busy${echo(answer.echoKey)}`), waitHeaders(answer.wait));
    case "resetBeforeHeaders":
      return void req.socket.destroy();
    case "resetMidBody":
      res.writeHead(200, { ...JSON_TYPE, "content-length": "1000" });
      return void res.write('{"items": [1, 2,', () => req.socket.destroy());
    case "stallBeforeHeaders":
      return;
    case "stallMidBody":
      res.writeHead(200, { ...JSON_TYPE, "content-length": "1000" });
      return void res.write('{"items": [1, 2,');
    case "truncatedJson":
      return res.writeHead(200, JSON_TYPE).end('{"items": [1, 2, 3');
    case "html":
      return res.writeHead(answer.status, { "content-type": "text/html" }).end(`<html><body>Maintenance${echo(answer.echoKey)}</body></html>`);
    case "emptyBody":
      return res.writeHead(200, JSON_TYPE).end("");
    case "wrongContentType":
      return res.writeHead(200, { "content-type": "text/plain" }).end('{"a": 1}');
    case "redirect": {
      const location = answer.crossOrigin ? `${other}/s/${id}/elsewhere?sig=abc` : `/s/${id}/moved`;
      return res.writeHead(answer.status, { location }).end();
    }
    case "oversized": {
      const big = JSON.stringify({ pad: "x".repeat(MAX_RESPONSE_BYTES + 16 * 1024) });
      if (answer.declared) return res.writeHead(200, { ...JSON_TYPE, "content-length": String(Buffer.byteLength(big)) }).end(big);
      res.writeHead(200, JSON_TYPE); // chunked: the size shows only while it streams
      for (let at = 0; at < big.length; at += 8192) res.write(big.slice(at, at + 8192));
      return res.end();
    }
    default:
      // Transport faults never reach the server.
      return res.writeHead(500).end();
  }
}

export interface RunContext {
  vendorServer: Router;
  otherServer: Router;
  marginMs: number;
  abortMarginMs: number;
}

interface Attempt {
  method: string;
  xAttempt: string | null;
}

let nextId = 0;

/** Runs the scenario; resolves with the invariants it broke (empty when all held). */
export async function runScenario(s: Scenario, ctx: RunContext): Promise<string[]> {
  const id = String(nextId++);
  const broken: string[] = [];
  const attempts: Attempt[] = [];
  const otherRequests: string[] = [];
  const lines: string[] = [];
  const logger = {
    debug: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`),
    warn: (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`),
  };
  const thingsPath = `/s/${id}/things`;
  const answerFor = (n: number): Answer => s.answers[n] ?? { kind: "ok", status: 200 };

  ctx.vendorServer.routes.set(id, (req, res) => {
    if (req.url === thingsPath) return serve(answerFor(attempts.length - 1), s, id, ctx.otherServer.origin, req, res, attempts.length);
    sendJson(res, 200, { moved: true }); // the same-origin redirect target
  });
  ctx.otherServer.routes.set(id, (req, res, body) => {
    otherRequests.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
    sendJson(res, 200, { elsewhere: true });
  });

  // The injected fetch: counts attempts (requests to the operation's own URL; redirect hops go
  // elsewhere) and plays the transport faults; everything else goes to the loopback servers.
  const fetch = (async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname;
    if (new URL(url).origin === ctx.vendorServer.origin && path === thingsPath) {
      attempts.push({ method: String(init.method), xAttempt: new Headers(init.headers).get("x-attempt") });
      const planned = answerFor(attempts.length - 1);
      if (planned.kind === "transportHang") return new Promise(() => {});
      if (planned.kind === "transportThrows") throw new TypeError("fetch failed");
      if (planned.kind === "transportBodyHang") {
        return new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 200, headers: JSON_TYPE });
      }
    }
    return globalThis.fetch(url, init);
  }) as unknown as typeof globalThis.fetch;

  const client = createVendorClient<Record<string, any>>(
    { ...VENDORS[s.vendor]!, operations: { [`${s.method} /things`]: { operationId: "things", scopes: [], responseKind: "json", mediaTypes: ["application/json"] } } },
    {
      apiKey: s.key,
      baseUrl: `${ctx.vendorServer.origin}/s/${id}`,
      fetch,
      logger,
      rateLimit: false,
      validate: "off",
      maxRetries: s.maxRetries,
      timeoutMs: s.timeoutMs,
      maxRetryWaitMs: s.maxRetryWaitMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    },
    s.scheme,
  );

  const controller = new AbortController();
  const callerReason = s.abort?.withReason ? new Error("the caller gave up") : undefined;
  let abortedAt: number | undefined;
  const abortTimer = s.abort
    ? setTimeout(() => {
        abortedAt = Date.now();
        controller.abort(callerReason);
      }, s.abort.afterMs)
    : undefined;

  const bound = settleBoundMs(s, ctx.marginMs);
  const started = Date.now();
  const call = (client[s.method] as (p: string, i: object) => Promise<any>)("/things", {
    signal: controller.signal,
    retryNonIdempotent: s.retryNonIdempotent,
    ...(s.method === "GET" || s.method === "DELETE" ? {} : { body: { a: 1 } }),
  });
  // A watchdog, so a call that never settles fails the run instead of hanging the suite.
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    call.then(
      (result) => ({ result }),
      (thrown: unknown) => ({ thrown }),
    ),
    new Promise<{ hung: true }>((resolve) => (watchdog = setTimeout(() => resolve({ hung: true }), bound + 2_000))),
  ]);
  clearTimeout(watchdog);
  clearTimeout(abortTimer);
  const settledAt = Date.now();

  // 1. Settles within the bound computed from the options, and at once after a caller's abort.
  if ("hung" in outcome) broken.push(`did not settle within ${bound + 2_000} ms`);
  else if (settledAt - started > bound) broken.push(`settled after ${settledAt - started} ms, over the bound of ${bound} ms`);
  if (abortedAt !== undefined && settledAt - abortedAt > ctx.abortMarginMs && !("hung" in outcome)) {
    broken.push(`settled ${settledAt - abortedAt} ms after the caller aborted`);
  }

  // 2. attempts ≤ maxRetries + 1, counted 1, 2, 3 … in X-Attempt.
  if (attempts.length > s.maxRetries + 1) broken.push(`${attempts.length} attempts with maxRetries ${s.maxRetries}`);
  const counted = attempts.map((a) => a.xAttempt).join(",");
  if (counted !== attempts.map((_, i) => String(i + 1)).join(",")) broken.push(`X-Attempt went ${counted}`);

  // 3. A POST or PATCH reaches the server at most once unless the caller opted in.
  if ((s.method === "POST" || s.method === "PATCH") && !s.retryNonIdempotent && attempts.length > 1) {
    broken.push(`${s.method} sent ${attempts.length} times without retryNonIdempotent`);
  }
  if (otherRequests.length > MAX_REDIRECTS) broken.push(`${otherRequests.length} requests reached the other origin`);

  // 4. The outcome is data or an error of the package — or the caller's own abort reason.
  let error: unknown;
  if ("thrown" in outcome) {
    error = outcome.thrown;
    const isCallerReason = controller.signal.aborted && outcome.thrown === controller.signal.reason;
    if (!(outcome.thrown instanceof VendorError) && !isCallerReason) {
      broken.push(`threw a raw ${(outcome.thrown as Error)?.name}: ${(outcome.thrown as Error)?.message}`);
    }
  } else if ("result" in outcome) {
    const { result } = outcome;
    if (result.response.ok) {
      if (result.error !== undefined) broken.push("an ok response with an error");
    } else {
      try {
        unwrap(result);
        broken.push(`HTTP ${result.response.status} unwrapped without an error`);
      } catch (thrown) {
        error = thrown;
        if (!(thrown instanceof VendorError)) broken.push(`unwrap threw a raw ${(thrown as Error)?.name}`);
      }
    }
  }

  // 5. The key appears nowhere: the error in every form, log lines, requests to the other origin.
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 10; e = (e as { cause?: unknown }).cause) chain.push(e);
  const seen = {
    error: [String(error), ...chain.map((e) => `${(e as Error)?.message}\n${(e as Error)?.stack}`), inspect(error, { depth: 10 })].join("\n"),
    json: error === undefined ? "" : (JSON.stringify(error) ?? ""),
    logs: lines.join("\n"),
    otherOrigin: otherRequests.join("\n"),
  };
  for (const [where, text] of Object.entries(seen)) if (text.includes(s.key)) broken.push(`the key appears in ${where}`);

  // 6. Nothing left listening on the caller's signal.
  const listeners = getEventListeners(controller.signal, "abort").length;
  if (listeners > 0) broken.push(`${listeners} listener(s) left on the caller's signal`);

  ctx.vendorServer.routes.delete(id);
  ctx.otherServer.routes.delete(id);
  return broken;
}

// Runs one drawn secrets scenario: a client with a canary key, one public surface, a hostile
// upstream (the Router of harness.ts, with a second one as "another origin") or transport; then
// scans every channel a user can see for the key and checks what was thrown and how long messages are.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAilabsauditClient } from "../../src/ailabsaudit/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { createAylieaClient } from "../../src/ayliea/index.js";
import { MAX_REQUEST_ID_CHARS } from "../../src/core/errors.js";
import { unwrap, VendorError } from "../../src/index.js";
import { leaks, shownError } from "../fixtures/secret-scan.js";
import type { Router } from "./harness.js";
import { canaryKey, type Hostile, type SecretScenario, type Surface, type Vendor } from "./secret-scenario.js";

/** The longest message any error of the package may have, whatever the server sent (README, "Errors"). */
export const MAX_ERROR_MESSAGE_CHARS = 2_000;

type AnyClient = { paginateRaw(path: string): { toArray(): Promise<unknown[]> } } & Record<string, any>;

/** Per vendor: how to make its client, and what each surface calls on it. */
const DRIVE: Record<Vendor, { create: (options: Record<string, unknown>) => AnyClient; list: string; wait?: (c: any) => Promise<unknown>; download?: (c: any) => Promise<unknown> }> = {
  aiclicks: { create: (o) => createAiclicksClient(o) as never, list: "/api/v1/domains" },
  ailabsaudit: {
    create: (o) => createAilabsauditClient(o) as never,
    list: "/clients",
    wait: (c) => c.waitForAudit(7, { intervalMs: 0, timeoutMs: 5_000 }),
    download: (c) => c.reports.download(7),
  },
  aiptx: {
    create: (o) => createAiptxClient(o) as never,
    list: "/scans",
    wait: (c) => c.scans.waitForCompletion("scan_1", { intervalMs: 0, timeoutMs: 5_000 }),
    download: (c) => c.reports.download("rep_1", { format: "pdf" }),
  },
  ayliea: { create: (o) => createAylieaClient(o) as never, list: "/recommendations" },
};

function drive(client: AnyClient, vendor: Vendor, surface: Surface): Promise<unknown> {
  const { list, wait, download } = DRIVE[vendor];
  if (surface === "paginate") return client.paginateRaw(list).toArray();
  if (surface === "wait" && wait) return wait(client);
  if (surface === "download" && download) return download(client);
  return client.GET(list);
}

const JSON_TYPE = { "content-type": "application/json" };

/** Every vendor's error reader finds its message (and AIPTx its request id) in this one body. */
export const echoEnvelope = (text: string) => ({ success: false, detail: text, message: text, error: { code: "E_ECHO", message: text }, meta: { request_id: text } });

/** A normal answer: ends a wait (status completed), a walk (no list) and a call. */
const normal = (res: ServerResponse) =>
  res.writeHead(200, JSON_TYPE).end(JSON.stringify({ success: true, data: { id: 7, status: "completed" }, pagination: { total_pages: 1 } }));

function serveHostile(h: Hostile, key: string, other: string, id: string, res: ServerResponse, req: IncomingMessage): void {
  const echoed = (pad: number) => `${"x".repeat(pad)}${key}`;
  switch (h.kind) {
    case "echoBody":
      if (h.html) return void res.writeHead(h.status, { "content-type": "text/html" }).end(`<html><body>${echoed(h.pad)}</body></html>`);
      return void res.writeHead(h.status, JSON_TYPE).end(JSON.stringify(h.status === 200 ? { data: echoed(h.pad), ...echoEnvelope(echoed(h.pad)) } : echoEnvelope(echoed(h.pad))));
    case "echoHeaders": {
      // Header values stay under undici's 16 KB header limit; the pad puts the key across the id's cut.
      const value = echoed(Math.min(h.pad, 12_000));
      const headers = { ...JSON_TYPE, "x-request-id": value, "x-echo": key, "www-authenticate": `Bearer error="invalid_token" token="${key}"`, "retry-after": key };
      return void res.writeHead(h.status, headers).end(JSON.stringify(echoEnvelope("see headers")));
    }
    case "hugeRequestId":
      if (h.where === "header") return void res.writeHead(404, { ...JSON_TYPE, "x-request-id": echoed(Math.min(h.length, 12_000)) }).end("{}");
      return void res.writeHead(404, JSON_TYPE).end(JSON.stringify({ ...echoEnvelope("not found"), meta: { request_id: echoed(h.length) } }));
    case "deepBody":
      return void res.writeHead(h.status, JSON_TYPE).end(`${'{"a":'.repeat(h.depth)}${JSON.stringify(key)}${"}".repeat(h.depth)}`);
    case "floodHeaders": {
      const headers: Record<string, string> = { ...JSON_TYPE };
      for (let i = 0; i < h.count; i++) headers[`x-flood-${i}`] = key;
      return void res.writeHead(200, headers).end(JSON.stringify({ data: { status: "completed" } }));
    }
    case "redirect": {
      const location = h.target === "otherOrigin" ? `${other}/s/${id}/landing?sig=abc` : `${req.url?.split("?")[0]}?token=${key}`;
      return void res.writeHead(h.status, { location }).end();
    }
    case "cutBody":
      res.writeHead(200, { ...JSON_TYPE, "content-length": "100000" });
      return void res.write(JSON.stringify(echoEnvelope(echoed(150))).slice(0, -2), () => req.socket.destroy());
    case "stall":
    case "transportCarriesRequest":
      return;
  }
}

/** An error as a fetch wrapper (ky, axios) or undici's Happy Eyeballs builds it: the request inside. */
function errorCarryingRequest(style: "ky" | "axios" | "aggregate" | "longMessage", url: string, init: RequestInit): Error {
  const headers = Object.fromEntries(new Headers(init.headers));
  // The credential header's value from the 175th character on, across the 200-character cut.
  if (style === "longMessage") return new Error(`${"y".repeat(175)}${headers.authorization ?? headers["x-api-key"]}`);
  if (style === "ky") {
    return Object.assign(new Error(`Request failed with status code 502: ${init.method} ${url}`), {
      name: "HTTPError",
      request: new Request(url, { method: init.method, headers }),
      options: { method: init.method, headers, retry: { limit: 0 } },
      response: new Response(null, { status: 502, headers: { "x-echo": headers.authorization ?? headers["x-api-key"] ?? "" } }),
    });
  }
  if (style === "axios") {
    return Object.assign(new Error("Request failed with status code 502"), {
      isAxiosError: true,
      config: { url, method: init.method, headers },
      request: { _header: `${init.method} ${new URL(url).pathname} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("\r\n")}` },
    });
  }
  const inner = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", request: { headers } });
  return new TypeError("fetch failed", { cause: new AggregateError([inner], "all attempts failed") });
}

let nextId = 0;

export interface SecretContext {
  vendorServer: Router;
  otherServer: Router;
}

/** Runs the scenario; resolves with the invariants it broke (empty when all held). */
export async function runSecretScenario(s: SecretScenario, ctx: SecretContext): Promise<string[]> {
  const id = `k${nextId++}`;
  const key = canaryKey(s.vendor, s.keySeed);
  const lines: string[] = [];
  const write = (m: string, d?: object) => void lines.push(`${m} ${JSON.stringify(d)}`);
  const otherRequests: string[] = [];
  let hostileLeft = s.times;
  ctx.vendorServer.routes.set(id, (req, res) => {
    const loop = s.hostile.kind === "redirect" && s.hostile.target === "loopWithKey";
    if (hostileLeft-- > 0 || loop) serveHostile(s.hostile, key, ctx.otherServer.origin, id, res, req);
    else normal(res);
  });
  ctx.otherServer.routes.set(id, (req, res, body) => {
    otherRequests.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
    normal(res);
  });
  let transportLeft = s.times;
  const fetch = async (url: string, init: RequestInit) => {
    if (s.hostile.kind === "transportCarriesRequest" && transportLeft-- > 0) throw errorCarryingRequest(s.hostile.style, url, init);
    return globalThis.fetch(url, init);
  };

  const broken: string[] = [];
  let error: unknown;
  try {
    const client = DRIVE[s.vendor].create({
      apiKey: key,
      ...(s.vendor === "ailabsaudit" ? { auth: s.scheme } : {}),
      baseUrl: `${ctx.vendorServer.origin}/s/${id}`,
      fetch,
      logger: { debug: write, warn: write },
      validate: s.validate,
      rateLimit: false,
      maxRetries: 1,
      maxRetryWaitMs: 0,
      timeoutMs: 400,
    });
    const outcome = await drive(client, s.vendor, s.surface);
    // A result-style call hands back a failure in `error`: the typed error is what unwrap throws.
    const result = outcome as { response?: Response; error?: unknown } | undefined;
    if (result?.response instanceof Response && !result.response.ok) unwrap(result as never);
  } catch (thrown) {
    error = thrown;
  } finally {
    ctx.vendorServer.routes.delete(id);
    ctx.otherServer.routes.delete(id);
  }

  if (error !== undefined && !(error instanceof VendorError)) broken.push(`threw a ${(error as Error)?.name ?? typeof error}, not a VendorError: ${String((error as Error)?.message).slice(0, 300)}`);
  if (error instanceof VendorError) {
    if (error.message.length > MAX_ERROR_MESSAGE_CHARS) broken.push(`a ${error.name} message of ${error.message.length} characters`);
    if ((error.requestId?.length ?? 0) > MAX_REQUEST_ID_CHARS + 1) broken.push(`a requestId of ${error.requestId!.length} characters`);
  }
  broken.push(...leaks({ error: shownError(error), logs: lines.join("\n"), "another origin": otherRequests.join("\n") }, key));
  return broken;
}

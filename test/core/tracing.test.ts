// OpenTelemetry through every vendor's client, recorded by the SDK's in-memory exporter: one
// CLIENT span per call named after the operation, the HTTP client semantic conventions, retries
// and rate-limit waits as events, traceparent to the vendor's origin only, the span ended on every
// path (success, HTTP error, abort, timeout, a stream read or cancelled), never a key or a query value.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RateLimiter } from "../../src/core/rate-limit.js";
import { EVERY_VENDOR } from "../fixtures/every-vendor.js";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

// Two loopback origins: the vendor's, and another one a redirect may point at.
type Seen = { url: string; headers: IncomingHttpHeaders };
const seen: { vendor: Seen[]; other: Seen[] } = { vendor: [], other: [] };
type Answer = { status: number; headers?: Record<string, string>; body?: string; hang?: boolean };
let script: ((url: string) => Answer)[] = [];
const vendorServer = createServer((req, res) => {
  seen.vendor.push({ url: req.url!, headers: req.headers });
  const answer = (script.shift() ?? ((): Answer => ({ status: 200 })))(req.url!);
  if (answer.hang) return void res.writeHead(200, { "content-type": "application/json" }).write("[");
  res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers }).end(answer.body ?? "[]");
});
const otherServer = createServer((req, res) => {
  seen.other.push({ url: req.url!, headers: req.headers });
  res.writeHead(200, { "content-type": "application/json" }).end("[]");
});
let vendorUrl = "";
let otherUrl = "";

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  for (const server of [vendorServer, otherServer]) await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  vendorUrl = `http://127.0.0.1:${(vendorServer.address() as AddressInfo).port}`;
  otherUrl = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  trace.disable();
  propagation.disable();
  vendorServer.closeAllConnections();
  await Promise.all([vendorServer, otherServer].map((s) => new Promise((resolve) => s.close(resolve))));
});
afterEach(() => {
  exporter.reset();
  seen.vendor.length = 0;
  seen.other.length = 0;
  script = [];
});

describe.each(EVERY_VENDOR)("$vendor: tracing", ({ vendor, key, path, operationId, create }) => {
  const client = (options: object = {}) => create({ apiKey: key, baseUrl: vendorUrl, validate: "off", rateLimit: false, ...options });

  it("one CLIENT span named after the operation, with the semantic conventions; traceparent sent to the vendor", async () => {
    await client().GET(path, { params: { query: { secret_query_value: "q-123" } } });
    const [span] = exporter.getFinishedSpans();
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    expect(span!.name).toBe(operationId);
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toEqual({
      "http.request.method": "GET",
      "url.template": path,
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(vendorUrl).port),
      "ai_vendor_contracts.vendor": vendor,
      "ai_vendor_contracts.operation_id": operationId,
      "http.response.status_code": 200,
    });
    const traceparent = seen.vendor[0]!.headers.traceparent;
    expect(traceparent).toBe(`00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01`);
    const everything = JSON.stringify([span!.attributes, span!.events, span!.name]);
    expect(everything).not.toContain(key);
    expect(everything).not.toContain("q-123");
  });

  it("retries as events and http.request.resend_count; an HTTP error sets error.type to its status", async () => {
    script = [() => ({ status: 503, headers: { "retry-after-ms": "0" } }), () => ({ status: 404, body: '{"message":"nope"}' })];
    await client().GET(path);
    const [span] = exporter.getFinishedSpans();
    expect(span!.events.map((e) => e.name)).toEqual(["retry"]);
    expect(span!.attributes).toMatchObject({ "http.request.resend_count": 1, "http.response.status_code": 404, "error.type": "404" });
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("a rate-limit wait is an event", async () => {
    let calls = 0;
    const slow: RateLimiter = { acquire: () => new Promise((resolve) => setTimeout(resolve, calls++ === 0 ? 20 : 0)), observe: () => {} };
    await client({ rateLimit: { requests: 1, store: { limiter: () => slow } } }).GET(path);
    expect(exporter.getFinishedSpans()[0]!.events.map((e) => e.name)).toContain("rate_limit.wait");
  });

  it("ends on abort and on timeout, with error.type", async () => {
    script = [() => ({ status: 200, hang: true })];
    const controller = new AbortController();
    const aborted = client().GET(path, { signal: controller.signal });
    await until(() => seen.vendor.length === 1);
    controller.abort();
    await expect(aborted).rejects.toThrow();
    script = [() => ({ status: 200, hang: true })];
    await expect(client({ timeoutMs: 1_000, maxRetries: 0 }).GET(path)).rejects.toThrow(/within 1000 ms/);
    expect(exporter.getFinishedSpans().map((s) => s.attributes["error.type"])).toEqual(["AbortError", "TimeoutError"]);
  });

  it("a stream's span ends when it is read to its end, or cancelled", async () => {
    const { data } = await client().GET(path, { parseAs: "stream" });
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    await new Response(data as ReadableStream).text();
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    const second = await client().GET(path, { parseAs: "stream" });
    await (second.data as ReadableStream).cancel();
    expect(exporter.getFinishedSpans()).toHaveLength(2);
  });

  it("a redirect to another origin gets no traceparent (nor the key); tracing: false makes no span", async () => {
    script = [() => ({ status: 307, headers: { location: `${otherUrl}/signed/file?sig=abc` } })];
    await client().GET(path);
    expect(seen.vendor[0]!.headers.traceparent).toBeDefined();
    expect(seen.other[0]!.headers.traceparent).toBeUndefined();
    expect(seen.other[0]!.headers.tracestate).toBeUndefined();
    expect(JSON.stringify(seen.other[0]!.headers)).not.toContain(key);
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    exporter.reset();
    await client({ tracing: false }).GET(path);
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    expect(seen.vendor.at(-1)!.headers.traceparent).toBeUndefined();
  });
});

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

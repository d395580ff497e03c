// Creating a scan is never sent twice once it may have reached AIPTx: a POST that meets a 503 or
// a connection reset after sending reaches the server exactly once, while a GET is retried. A
// POST is retried only when the connection was refused (nothing was sent) or the caller opts in.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, ServerError, unwrap } from "../../src/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

const emptyList = { success: true, data: [], pagination: { page: 1, limit: 20, total: 0, total_pages: 0 } };
const queued = { success: true, data: { id: "scan_new1", target: "https://app.example.com", status: "queued", progress: 0 } };
const unavailable = (response: ServerResponse) => {
  response.writeHead(503, { "content-type": "application/json", "retry-after": "0" });
  response.end(JSON.stringify({ success: false, error: { code: "SERVICE_UNAVAILABLE", message: "Try again shortly" } }));
};
/** Reads the whole request, then drops the connection without answering. */
const reset = (request: IncomingMessage) => request.socket.destroy();

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A loopback AIPTx stand-in; `received` lists every request that reached it. */
async function server(handler: Handler) {
  const received: string[] = [];
  const http = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received.push(`${request.method} ${request.url}`);
      handler(request, response, received.length);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  servers.push({
    close: () =>
      new Promise((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  });
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`;
  const client = createAiptxClient({ apiKey: "aiptx_retry_test_key", baseUrl, rateLimit: false, maxRetries: 1 });
  return { client, received, baseUrl };
}

const createScan = { body: { target: "https://app.example.com" } } as const;

describe("AIPTx retries and create calls", () => {
  it("a POST /scans answered 503 is not retried: one request reaches the server", async () => {
    const { client, received } = await server((_, response) => unavailable(response));
    const result = await client.POST("/scans", createScan);
    expect(result.response.status).toBe(503);
    expect(() => unwrap(result)).toThrow(ServerError);
    expect(received).toEqual(["POST /v1/scans"]);
  });

  it("a POST /scans whose connection is reset after sending is not retried: one request, ConnectionError", async () => {
    const { client, received } = await server((request) => reset(request));
    await expect(client.POST("/scans", createScan)).rejects.toBeInstanceOf(ConnectionError);
    expect(received).toEqual(["POST /v1/scans"]);
  });

  it("a GET answered 503 is retried and succeeds on the second attempt", async () => {
    const { client, received } = await server((_, response, count) =>
      count === 1 ? unavailable(response) : response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(emptyList)),
    );
    const result = await client.GET("/scans");
    expect(result.response.status).toBe(200);
    expect(received).toEqual(["GET /v1/scans", "GET /v1/scans"]);
  });

  it("a GET whose connection is reset is retried", async () => {
    const { client, received } = await server((request, response, count) =>
      count === 1 ? reset(request) : response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(emptyList)),
    );
    const result = await client.GET("/scans");
    expect(result.response.status).toBe(200);
    expect(received).toEqual(["GET /v1/scans", "GET /v1/scans"]);
  });

  it("retryNonIdempotent: true lets a POST /scans be retried after a 503", async () => {
    const { client, received } = await server((_, response, count) =>
      count === 1 ? unavailable(response) : response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(queued)),
    );
    const result = await client.POST("/scans", { ...createScan, retryNonIdempotent: true });
    expect(result.response.status).toBe(201);
    expect(result.data?.data.id).toBe("scan_new1");
    expect(received).toEqual(["POST /v1/scans", "POST /v1/scans"]);
  });

  it("a POST /scans whose connection is refused (nothing sent) is tried again", async () => {
    const { baseUrl } = await server(() => undefined);
    await Promise.all(servers.splice(0).map((s) => s.close())); // the port is now closed
    const attempts: string[] = [];
    const client = createAiptxClient({
      apiKey: "aiptx_retry_test_key",
      baseUrl,
      rateLimit: false,
      maxRetries: 1,
      fetch: (input, init) => {
        attempts.push(init?.method ?? "GET");
        return fetch(input, init);
      },
    });
    await expect(client.POST("/scans", createScan)).rejects.toBeInstanceOf(ConnectionError);
    expect(attempts).toEqual(["POST", "POST"]);
  });
});

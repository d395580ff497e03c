// Hooks run inside the retry loop once per attempt, through every vendor's client: beforeRequest
// adds headers (and sees the credential), afterResponse observes each answer, onError each failed
// attempt; the client's run before the call's. A hook that throws, rejects or hangs is a HookError.
import { describe, expect, it } from "vitest";
import type { Hooks } from "../../src/core/pipeline/hooks.js";
import { HookError, ServerError } from "../../src/index.js";
import { EVERY_VENDOR } from "../fixtures/every-vendor.js";

/** A fetch that answers from a script (a status per attempt; "reset" throws) and keeps what it was sent. */
function scripted(script: (number | "reset")[]) {
  const sent: Headers[] = [];
  const fetch = async (_url: string, init?: RequestInit) => {
    sent.push(new Headers(init?.headers));
    const next = script[sent.length - 1] ?? 200;
    if (next === "reset") throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    return Response.json(next === 200 ? [] : { message: "busy" }, { status: next, headers: { "retry-after-ms": "0" } });
  };
  return { fetch, sent };
}

describe.each(EVERY_VENDOR)("$vendor: hooks", ({ key, path, create }) => {
  it("run once per attempt, in order, client's before the call's; headers added reach the server", async () => {
    const order: string[] = [];
    const { fetch, sent } = scripted([503, "reset", 200]);
    const hooks = (who: string): Hooks => ({
      beforeRequest(request) {
        order.push(`${who} before ${request.attempt}`);
        request.headers.set(`x-${who}`, String(request.attempt));
        expect(request.headers.get("authorization") ?? request.headers.get("x-api-key")).toContain(key);
      },
      afterResponse: (request, response) => void order.push(`${who} after ${request.attempt} ${response.status}`),
      onError: (request, error) => void order.push(`${who} error ${request.attempt} ${error.name}`),
    });
    const client = create({ apiKey: key, fetch, validate: "off", rateLimit: false, hooks: hooks("client") });
    const { response } = await client.GET(path, { hooks: hooks("call") });
    expect(response.status).toBe(200);
    expect(order).toEqual([
      "client before 1", "call before 1", "client after 1 503", "call after 1 503",
      "client before 2", "call before 2", "client error 2 ConnectionError", "call error 2 ConnectionError",
      "client before 3", "call before 3", "client after 3 200", "call after 3 200",
    ]);
    expect(sent.map((h) => [h.get("x-client"), h.get("x-call")])).toEqual([["1", "1"], ["2", "2"], ["3", "3"]]);
  });

  it("a throwing, rejecting or hanging hook is a HookError naming it, redacted, not retried", async () => {
    const cases: [keyof Hooks, Hooks][] = [
      ["beforeRequest", { beforeRequest: () => { throw new Error(`bad header for ${key}`); } }],
      ["afterResponse", { afterResponse: () => Promise.reject(new Error("observer broke")) }],
      ["beforeRequest", { beforeRequest: () => new Promise<void>(() => {}) }],
      ["afterResponse", { afterResponse: async (_r, response) => void (await response.text()) }],
      ["onError", { onError: () => { throw new Error("error hook broke"); } }],
    ];
    for (const [hook, hooks] of cases) {
      const { fetch, sent } = scripted(hook === "onError" ? ["reset"] : [200]);
      const client = create({ apiKey: key, fetch, validate: "off", rateLimit: false, timeoutMs: 200 });
      const error = await client.GET(path, { hooks }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(HookError);
      expect((error as HookError).hook).toBe(hook);
      expect(String((error as Error).message) + String(((error as Error).cause as Error)?.message)).not.toContain(key);
      expect(sent.length).toBeLessThanOrEqual(1);
    }
  });

  it("an API error still comes back as the result, after the hooks saw every attempt", async () => {
    const statuses: number[] = [];
    const { fetch } = scripted([500, 500, 500]);
    const client = create({ apiKey: key, fetch, validate: "off", rateLimit: false, throwOnError: true, hooks: { afterResponse: (_r, res) => void statuses.push(res.status) } });
    await expect(client.GET(path)).rejects.toThrow(ServerError);
    expect(statuses).toEqual([500, 500, 500]);
  });
});

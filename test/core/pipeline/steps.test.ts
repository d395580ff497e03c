// Each step of the call path alone, on a hand-built call: what it reads, what it fills in, what
// it refuses. (The whole path is covered through real clients by the rest of test/core.)
import { describe, expect, it, vi } from "vitest";
import { ConfigurationError, NotFoundError, RequestValidationError, ResponseValidationError } from "../../../src/index.js";
import { callOptions } from "../../../src/core/pipeline/call-options.js";
import { operationFinder } from "../../../src/core/pipeline/find-operation.js";
import { CALL_STEPS } from "../../../src/core/pipeline/index.js";
import { readAnswer } from "../../../src/core/pipeline/read-answer.js";
import { requestCheck } from "../../../src/core/pipeline/request-check.js";
import { requestId } from "../../../src/core/pipeline/request-id.js";
import { responseCheck } from "../../../src/core/pipeline/response-check.js";
import { shapeResult } from "../../../src/core/pipeline/shape-result.js";
import { API_ERROR } from "../../../src/core/unwrap.js";
import { TEST_KEY } from "../../fixtures/test-vendor.js";
import { okChecks, stubCall, stubClient, vendor } from "./stub-call.js";

describe("the order", () => {
  it("is written once: request id, span, options, request check, send, deprecation, response check, result shaping", () => {
    expect(CALL_STEPS.map((step) => step.name)).toEqual(["requestId", "trace", "callOptions", "requestCheck", "send", "deprecation", "responseCheck", "shapeResult"]);
  });
});

describe("find-operation", () => {
  it("names a spec operation by its operationId and remembers it; a path outside the spec is not kept", () => {
    const find = operationFinder(vendor, "GET");
    const found = find("/things");
    expect(found.label).toBe("listThings (GET /things)");
    expect(find("/things")).toBe(found);
    expect(find("/other").label).toBe("GET /other");
    expect(find("/other")).not.toBe(find("/other"));
  });
});

describe("request-id", () => {
  it("sends the caller's X-Request-Id, else the client's, else a fresh UUID", () => {
    const withCaller = stubCall({ headers: { "X-Request-ID": "caller-1" } }, stubClient({ requestId: "client-1" }));
    requestId(withCaller);
    expect(withCaller.context.requestId).toBe("caller-1");
    const withClient = stubCall({}, stubClient({ requestId: "client-1" }));
    requestId(withClient);
    expect(withClient.context.requestId).toBe("client-1");
    const fresh = stubCall();
    requestId(fresh);
    expect(fresh.context.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.answered).toBe(fresh.context);
  });
});

describe("call-options", () => {
  const prepared = (init: Record<string, unknown>, method = "GET") => {
    const call = stubCall(init, stubClient(), method);
    requestId(call);
    return call;
  };

  it("per-call options override the client's and never reach openapi-fetch", () => {
    const call = prepared({ timeoutMs: 5, maxRetries: 0, maxResponseBytes: 10, validate: "strict", retryNonIdempotent: true, parseAs: "text" });
    callOptions(call);
    expect(call).toMatchObject({ timeoutMs: 5, maxRetries: 0, limits: { json: 10, other: 10 }, mode: "strict", retryOptIn: true, reading: "text" });
    expect(Object.keys(call.init)).toEqual(["parseAs"]);
  });

  it("a bad per-call value is a ConfigurationError naming it; HEAD reads no body", () => {
    expect(() => callOptions(prepared({ timeoutMs: 0 }))).toThrow(ConfigurationError);
    expect(() => callOptions(prepared({ timeoutMs: 0 }))).toThrow(/timeoutMs for this call must be a whole number/);
    expect(() => callOptions(prepared({ parseAs: "xml" }))).toThrow(/parseAs must be one of/);
    const head = prepared({}, "HEAD");
    callOptions(head);
    expect(head.reading).toBeUndefined();
  });
});

describe("request-check", () => {
  it("loads nothing with validate off; refuses a request its schemas reject, before anything is sent", async () => {
    const schemasFor = vi.fn(async () => ({ ...okChecks, query: okChecks.response }));
    const off = stubCall({ validate: "off" }, stubClient({ schemasFor }));
    requestId(off);
    callOptions(off);
    expect(requestCheck(off)).toBeUndefined();
    expect(schemasFor).not.toHaveBeenCalled();

    const checked = stubCall({ params: { query: { ok: 2 } } }, stubClient({ schemasFor }));
    requestId(checked);
    callOptions(checked);
    await expect(requestCheck(checked)).rejects.toThrow(RequestValidationError);
    await expect(requestCheck(checked)).rejects.toThrow(/query\.ok/);
    const fine = stubCall({ params: { query: { ok: 1 } } }, stubClient({ schemasFor }));
    requestId(fine);
    callOptions(fine);
    await requestCheck(fine);
    expect(fine.checks?.response).toBe(okChecks.response);
  });
});

describe("read-answer", () => {
  const ready = () => {
    const call = stubCall();
    requestId(call);
    callOptions(call);
    return call;
  };

  it("reads a JSON body onto the call; a 204 leaves data undefined", async () => {
    const call = ready();
    await readAnswer(call, Response.json({ ok: 1 }));
    expect(call.data).toEqual({ ok: 1 });
    const empty = ready();
    await readAnswer(empty, new Response(null, { status: 204 }));
    expect(empty.data).toBeUndefined();
  });

  it("buffers an error body (bounded) for openapi-fetch to parse", async () => {
    const call = ready();
    const answer = await readAnswer(call, Response.json({ message: "gone" }, { status: 404 }));
    expect(await answer.json()).toEqual({ message: "gone" });
    const tooLarge = ready();
    await expect(readAnswer(tooLarge, new Response("x".repeat(2048), { status: 500 }))).rejects.toThrow(/maxResponseBytes \(1024 bytes\)/);
  });
});

describe("response-check", () => {
  const answered = (data: unknown, mode: "warn" | "strict", onValidationError = vi.fn()) => {
    const call = stubCall({ validate: mode }, stubClient({ onValidationError }));
    requestId(call);
    callOptions(call);
    call.checks = okChecks;
    call.result = { data, response: Response.json(data), requestId: call.context.requestId };
    return call;
  };

  it("strict throws a ResponseValidationError; warn hands it on and keeps the data", () => {
    expect(() => responseCheck(answered({ ok: 2 }, "strict"))).toThrow(ResponseValidationError);
    const onValidationError = vi.fn();
    responseCheck(answered({ ok: 2 }, "warn", onValidationError));
    expect(onValidationError).toHaveBeenCalledWith(expect.any(ResponseValidationError));
    expect(() => responseCheck(answered({ ok: 1 }, "strict"))).not.toThrow();
  });
});

describe("shape-result", () => {
  const failed = (throwOnError: boolean) => {
    const call = stubCall({}, stubClient({ throwOnError }));
    requestId(call);
    const response = new Response(null, { status: 404 });
    call.result = { error: { message: `no such thing for ${TEST_KEY}` }, response, requestId: call.context.requestId };
    return call;
  };

  it("attaches the typed error to the result, redacted; throwOnError throws it", () => {
    const call = failed(false);
    shapeResult(call);
    const error = (call.result as { [API_ERROR]?: Error })[API_ERROR];
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error!.message).not.toContain(TEST_KEY);
    expect(() => shapeResult(failed(true))).toThrow(NotFoundError);
  });
});

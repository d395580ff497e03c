// A call on a client state built by hand, so each pipeline step can be tested alone.
import type { OperationChecks, PartCheck } from "../../../src/core/load-validators.js";
import type { OperationInfo } from "../../../src/core/operation.js";
import { Call, type ClientState, type Init } from "../../../src/core/pipeline/call-state.js";
import { operationFinder } from "../../../src/core/pipeline/find-operation.js";
import { silentLogger } from "../../../src/core/logger.js";
import { secretRedactor } from "../../../src/core/redact.js";
import { TEST_KEY, testVendor } from "../../fixtures/test-vendor.js";

export const listThings: OperationInfo = { operationId: "listThings", scopes: [], responseKind: "json", mediaTypes: ["application/json"] };
export const vendor = { ...testVendor, operations: { "GET /things": listThings } };

export function stubClient(overrides: Partial<ClientState> = {}): ClientState {
  return {
    vendor,
    redact: secretRedactor(TEST_KEY),
    logger: silentLogger,
    fetch: () => Promise.reject(new Error("no fetch in this test")),
    authHeader: ["Authorization", `Bearer ${TEST_KEY}`],
    limiter: undefined,
    maxRetries: 2,
    maxRetryWaitMs: 60_000,
    timeoutMs: 30_000,
    defaultLimits: { json: 1024, other: Infinity },
    requestId: undefined,
    validate: "warn",
    onValidationError: () => {},
    throwOnError: false,
    schemasFor: async () => undefined,
    raw: {},
    hooks: undefined,
    warn: () => {},
    warned: new Set(),
    debug: false,
    tracing: false,
    baseUrl: "https://api.testvendor.invalid",
    ...overrides,
  };
}

export function stubCall(init: Init = {}, client: ClientState = stubClient(), method = "GET", path = "/things"): Call {
  return new Call(client, method, path, operationFinder(client.vendor, method)(path), init);
}

/** Checks that accept anything but a value whose `ok` is not 1. */
const okOnly: PartCheck = (value) =>
  (value as { ok?: unknown }).ok === 1 ? [] : [{ path: "ok", expected: "one of [1]", received: JSON.stringify((value as { ok?: unknown }).ok), message: "must be 1" }];
export const okChecks: OperationChecks = { path: undefined, query: undefined, body: undefined, response: okOnly };

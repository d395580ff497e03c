// The caller's hooks, run inside the retry loop once per attempt: beforeRequest (may add or
// change headers), afterResponse (observes the answer), onError (observes a failed attempt).
// The client's hooks run first, then the call's. A hook that throws, rejects or does not settle
// within the attempt's deadline stops the call with a HookError; the caller's abort ends the wait.
import { HookError, type VendorError } from "../errors.js";
import { attemptSignal, untilAborted } from "../timeout.js";
import type { Call } from "./call-state.js";

/** What a hook sees of one attempt. The headers carry the API key: a hook must not log or send them elsewhere. */
export interface HookRequest {
  /** `operationId (METHOD /path)`, or `METHOD /path` outside the spec. */
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  /** The headers this attempt sends, the credential included; changes here are sent, on this attempt and later ones. */
  readonly headers: Headers;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly requestId: string;
}

export interface Hooks {
  /** Before each attempt is sent. */
  beforeRequest?: (request: HookRequest) => void | Promise<void>;
  /** After each attempt is answered (redirects followed), before its body is read: read it only from `response.clone()`. */
  afterResponse?: (request: HookRequest, response: Response) => void | Promise<void>;
  /** After an attempt failed (timeout, connection, body, refused redirect), whether or not it is retried. */
  onError?: (request: HookRequest, error: VendorError) => void | Promise<void>;
}

type HookName = keyof Hooks;

export function hookRequest(call: Call, url: string, headers: Headers, attempt: number): HookRequest {
  return { operation: call.operation.label, method: call.method, url, headers, attempt: attempt + 1, requestId: call.context.requestId };
}

/** Runs `name` of the client's hooks, then of the call's, each bounded by `signal`. */
export async function runHooks(call: Call, name: HookName, signal: AbortSignal, request: HookRequest, second?: Response | VendorError): Promise<void> {
  await runOne(call, call.client.hooks, name, signal, request, second);
  await runOne(call, call.hooks, name, signal, request, second);
}

async function runOne(call: Call, hooks: Hooks | undefined, name: HookName, signal: AbortSignal, request: HookRequest, second: unknown): Promise<void> {
  const hook = hooks?.[name] as ((request: HookRequest, second?: unknown) => unknown) | undefined;
  if (!hook) return;
  try {
    const pending = hook(request, second);
    if (pending && typeof (pending as Promise<unknown>).then === "function") await untilAborted(pending as Promise<unknown>, signal);
  } catch (cause) {
    if (call.callerSignal?.aborted) throw call.callerSignal.reason;
    throw new HookError(name, call.answered, cause);
  }
  if (name === "afterResponse" && (second as Response).bodyUsed) {
    throw new HookError(name, call.answered, new Error("the hook read the response body; read response.clone() instead"));
  }
}

/** onError, after the attempt's own deadline is over: bounded by a deadline of its own. */
export async function runErrorHooks(call: Call, request: HookRequest, error: VendorError): Promise<void> {
  const bound = attemptSignal(call.callerSignal, call.timeoutMs);
  try {
    await runHooks(call, "onError", bound.signal, request, error);
  } finally {
    bound.release();
  }
}

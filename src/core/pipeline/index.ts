// The call path, in order. Every call of every client passes through these steps, each a file
// with one job; a step reads and fills in the call's state (call-state.ts) and may throw a typed
// error, which ends the call (and its span, if it is traced). Inside "send", each attempt runs, in order:
//   limit (a rate-limit slot) → attempt (auth and id headers, deadline, fetch, redirects, a slot
//   per hop) → read-answer (the body, within the same deadline) → retry (decides on another).
import { Call, type ClientState, type Init, type KnownOperation, type RawResult } from "./call-state.js";
import { callOptions } from "./call-options.js";
import { deprecation } from "./deprecation.js";
import { requestCheck } from "./request-check.js";
import { requestId } from "./request-id.js";
import { responseCheck } from "./response-check.js";
import { send } from "./send.js";
import { shapeResult } from "./shape-result.js";
import { trace } from "./trace.js";

type Step = (call: Call) => Promise<void> | void | undefined;

export const CALL_STEPS: readonly Step[] = [requestId, trace, callOptions, requestCheck, send, deprecation, responseCheck, shapeResult];

export async function runCall(client: ClientState, method: string, path: string, operation: KnownOperation, init: Init): Promise<RawResult> {
  const call = new Call(client, method, path, operation, init);
  try {
    for (const step of CALL_STEPS) {
      // Only steps with something to wait for return a promise; the others cost no microtask.
      const pending = step(call);
      if (pending) await pending;
    }
  } catch (error) {
    call.span?.end(call, error);
    throw error;
  }
  // A stream handed to the caller ends the span when it ends (retry.ts).
  if (call.span && !call.streaming) call.span.end(call);
  return call.result;
}

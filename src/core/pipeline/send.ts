// Step 4: the request goes out. openapi-fetch builds the URL, query string, headers and body;
// its fetch is the attempts (retry.ts), which read the body within the answering attempt, so
// what openapi-fetch hands back carries the answer and this step puts the body read on it.
import { CALL } from "../planned-request.js";
import type { Call, RawResult } from "./call-state.js";
import { sendAttempts } from "./retry.js";

export async function send(call: Call): Promise<void> {
  const { init } = call;
  // init is this call's own copy (the rest of the caller's), so it can be handed on as it is.
  // openapi-fetch hands success bodies over unread (read-answer.ts has read them already).
  init.parseAs = "stream";
  init.fetch = sendAttempts;
  (init as { [CALL]?: Call })[CALL] = call;
  const result = (await call.client.raw[call.method]!(call.path, init)) as RawResult & { requestId: string };
  result.requestId = call.answered.requestId;
  if (result.response.ok) result.data = call.data;
  call.result = result;
}

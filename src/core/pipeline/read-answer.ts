// The body of an answer, read as part of its attempt: within the attempt's deadline and under
// maxResponseBytes (read-response.ts, read-body.ts), so a body that breaks or stalls fails the
// attempt, and retry.ts may try again. A stream handed to the caller is theirs: it is not read
// here, and it releases its attempt when it ends.
import { bufferBody } from "../read-body.js";
import { readSuccess } from "../read-response.js";
import type { Call } from "./call-state.js";

/** No body to read: 204, HEAD, or an empty one (as openapi-fetch decides it). */
function bodiless(response: Response, method: string): boolean {
  if (response.status === 204 || method === "HEAD" || response.body === null) return true;
  return response.headers.get("content-length") === "0" && !response.headers.get("transfer-encoding")?.includes("chunked");
}

/** The answer for openapi-fetch: a success body is kept on `call.data`; an error body is buffered for it to parse. */
export async function readAnswer(call: Call, response: Response): Promise<Response> {
  if (!response.ok) return bufferBody(response, call.limits.json, call.signal, call.answered);
  const { reading } = call;
  if (!reading || bodiless(response, call.method)) return response;
  call.data = await readSuccess(response, reading, call.operation.op, call.limits, call, call.answered);
  call.streaming = reading === "stream";
  return response;
}

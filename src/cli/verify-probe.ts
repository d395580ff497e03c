// One probe: a GET sent straight to --upstream with the key, never through a proxy that follows
// redirects. fetch runs with redirect: "manual", so a 3xx comes back as an answer (verify reports
// it) and the key reaches no origin but the one the user named.
export type ProbeOutcome =
  | { kind: "answer"; status: number; headers: Headers; text: string; broken?: string }
  | { kind: "no-answer"; timeoutMs: number }
  | { kind: "unreachable"; reason: string };

/** Bodies larger than this are cut (a contract check needs no more, and memory stays bounded). */
export const MAX_PROBE_BYTES = 16 * 1024 * 1024;

export async function probe(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<ProbeOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { headers, redirect: "manual", signal });
    const answer = { kind: "answer" as const, status: response.status, headers: response.headers };
    return { ...answer, ...(await readText(response, signal)) };
  } catch (error) {
    if (signal.aborted) return { kind: "no-answer", timeoutMs };
    return { kind: "unreachable", reason: unreachable(url, error) };
  }
}

/** The body as text; a body cut off by the upstream (or by the timeout) keeps what came, and says so. */
async function readText(response: Response, signal: AbortSignal): Promise<{ text: string; broken?: string }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let broken: string | undefined;
  const reader = response.body?.getReader();
  try {
    while (reader && size < MAX_PROBE_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
    if (size >= MAX_PROBE_BYTES) broken = `the body is larger than ${MAX_PROBE_BYTES / 1024 / 1024} MB, more than verify reads`;
    await reader?.cancel();
  } catch {
    broken = signal.aborted ? "the body did not end within the timeout" : "the connection closed before the body ended";
  }
  return { text: Buffer.concat(chunks).toString("utf8"), ...(broken && { broken }) };
}

/** "could not connect to 127.0.0.1:4010 (ECONNREFUSED)": the host as the user gave it, and the system's reason. */
function unreachable(url: URL, error: unknown): string {
  let code: string | undefined;
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string") code = e.code;
  }
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `could not connect to ${url.hostname}:${port} (${code ?? (error as Error).message})`;
}

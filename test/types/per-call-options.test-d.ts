// A call cannot name its own baseUrl: the client's was checked (https only, no user-info), and a
// per-call one would send the key wherever it points. The types refuse it; so does the client.
import { test } from "vitest";
import { createAiclicksClient } from "../../src/aiclicks/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";

test("a per-call baseUrl does not compile, on any method or helper", async () => {
  const client = createAiclicksClient();
  // @ts-expect-error baseUrl is a client option only
  await client.GET("/api/v1/domains", { baseUrl: "http://api.example.com" });
  const aiptx = createAiptxClient();
  // @ts-expect-error nor on a helper's call options
  await aiptx.reports.download("rep_1", { baseUrl: "http://api.example.com" });
  // @ts-expect-error nor on paginate's init
  aiptx.paginate("/scans", { baseUrl: "http://api.example.com" });
});

test("the other per-call options still compile", async () => {
  const client = createAiclicksClient();
  await client.GET("/api/v1/domains", { timeoutMs: 5_000, maxRetries: 1, validate: "strict", signal: AbortSignal.timeout(1_000) });
});

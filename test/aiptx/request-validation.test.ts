// A scan the AIPTx spec forbids — no `target`, or `mode: "turbo"` — is refused by Prism with the
// vendor's error envelope (a BadRequestError carrying its code), and refused by the client
// itself, naming the field, before anything is sent.
import { describe, expect, it } from "vitest";
import { BadRequestError, RequestValidationError, unwrap } from "../../src/index.js";
import { createAiptxClient } from "../../src/aiptx/index.js";
import { mockUrl, recordingFetch } from "../helpers.js";

const apiKey = "aiptx_validation_test_key";
type ScanBody = { target: string; mode?: "quick" | "standard" | "deep" };
const noTarget = { mode: "quick" } as unknown as ScanBody;
const turbo = { target: "https://app.example.com", mode: "turbo" } as unknown as ScanBody;

const thrown = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
};

describe("create-scan bodies the AIPTx spec forbids", () => {
  // validate: "off" lets the bad body reach Prism, to prove the mock enforces the spec.
  const unchecked = createAiptxClient({ apiKey, baseUrl: mockUrl("aiptx"), validate: "off", rateLimit: false });

  for (const [what, body] of [
    ["without target", noTarget],
    ["with mode turbo", turbo],
  ] as const) {
    it(`${what}: Prism answers 400 with the error envelope and unwrap throws BadRequestError`, async () => {
      const result = await unchecked.POST("/scans", { body });
      expect(result.response.status).toBe(400);
      expect(result.error).toMatchObject({ success: false, error: { code: expect.any(String), message: expect.any(String) } });
      const error = (await thrown(Promise.resolve().then(() => unwrap(result)))) as BadRequestError;
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.status).toBe(400);
      expect(error.vendor).toBe("aiptx");
      expect(error.code).toBe((result.error as { error: { code: string } }).error.code);
      // AIPTx names the failed call by the id in its body's `meta`, which is what support asks for.
      expect(error.requestId).toBe((result.error as { meta: { request_id: string } }).meta.request_id);
      expect(error.message).toContain("createScan");
      expect(error.message).toContain((result.error as { error: { message: string } }).error.message);
    });
  }

  it("with validation on (the default), the client refuses a scan without target, naming the field", async () => {
    const recorder = recordingFetch();
    const client = createAiptxClient({ apiKey, baseUrl: mockUrl("aiptx"), fetch: recorder.fetch, rateLimit: false });
    const error = (await thrown(client.POST("/scans", { body: noTarget }))) as RequestValidationError;
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.issues.map((i) => i.path)).toEqual(["body.target"]);
    expect(error.message).toContain("body.target");
    expect(error.message).toContain("createScan");
    expect(recorder.calls).toHaveLength(0);
  });

  it("with validation on, the client refuses mode turbo, naming the field and the allowed modes", async () => {
    const recorder = recordingFetch();
    const client = createAiptxClient({ apiKey, baseUrl: mockUrl("aiptx"), fetch: recorder.fetch, rateLimit: false });
    const error = (await thrown(client.POST("/scans", { body: turbo }))) as RequestValidationError;
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.issues).toEqual([expect.objectContaining({ path: "body.mode", received: '"turbo"' })]);
    expect(error.message).toMatch(/body\.mode.*quick.*standard.*deep/);
    expect(recorder.calls).toHaveLength(0);
  });
});

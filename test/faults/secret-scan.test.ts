// The secrets suite's scanner, checked on texts that hold the key, a piece of it, or a password,
// and on texts that must pass: a check is trusted once it is seen catching what it exists for.
import { describe, expect, it } from "vitest";
import { leaks, secretPart, shownError } from "../fixtures/secret-scan.js";
import { canaryKey } from "./secret-scenario.js";

const KEY = canaryKey("aiclicks", 42);

describe("the secrets scanner", () => {
  it("canary keys have the vendor's form and no run of one character", () => {
    expect(KEY).toMatch(/^ak_live_[A-Za-z0-9]{32}$/);
    expect(canaryKey("ayliea", 1)).toMatch(/^ayliea_pk_[0-9a-f]{64}$/);
    expect(canaryKey("aiclicks", 42)).toBe(KEY);
    expect(canaryKey("aiclicks", 43)).not.toBe(KEY);
  });

  it("finds the whole key, any 8-character piece of its secret part, and a password", () => {
    const secret = secretPart(KEY);
    expect(secret).toBe(KEY.slice("ak_live_".length));
    expect(leaks({ message: `Invalid key ${KEY}.` }, KEY)).toEqual(["the key appears in message"]);
    expect(leaks({ message: `cut here: ak_live_${secret.slice(0, 8)}…` }, KEY)).toEqual([expect.stringMatching(/^1 8-character piece/)]);
    expect(leaks({ logs: `…${secret.slice(20, 28)}` }, KEY)).toEqual([expect.stringMatching(/piece.*in logs/)]);
    expect(leaks({ message: "https://user:hunter2pass@host" }, KEY, ["hunter2pass"])).toEqual(["a user-info password appears in message"]);
  });

  it("passes text without the key: its public prefix, 7 characters of it, [redacted]", () => {
    const secret = secretPart(KEY);
    expect(leaks({ message: `ak_live_ ${secret.slice(0, 7)} [redacted] Bearer [redacted]` }, KEY, ["hunter2pass"])).toEqual([]);
  });

  it("shows an error as every channel does: inspect of the whole chain (own properties too) and toJSON", () => {
    const deep = Object.assign(new Error("outer"), { cause: Object.assign(new Error("inner"), { request: { headers: { authorization: `Bearer ${KEY}` } } }) });
    expect(shownError(deep)).toContain(KEY);
    const json = Object.assign(new Error("plain"), { toJSON: () => ({ key: KEY }) });
    expect(shownError(json)).toContain(KEY);
    expect(shownError(undefined)).toBe("");
  });
});

// Every request of every vendor's client says who sent it; a User-Agent of the caller's replaces it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PACKAGE_VERSION } from "../../src/core/package-version.js";
import { runtimeName } from "../../src/core/user-agent.js";
import { EVERY_VENDOR } from "../fixtures/every-vendor.js";

const sentAgent = async (create: (typeof EVERY_VENDOR)[number]["create"], key: string, path: string, clientHeaders?: Record<string, string>, callHeaders?: Record<string, string>) => {
  let agent: string | null = null;
  const fetch = async (_url: string, init?: RequestInit) => {
    agent = new Headers(init?.headers).get("user-agent");
    return Response.json([]);
  };
  await create({ apiKey: key, fetch, validate: "off", rateLimit: false, ...(clientHeaders ? { headers: clientHeaders } : {}) }).GET(path, callHeaders ? { headers: callHeaders } : {});
  return agent;
};

describe.each(EVERY_VENDOR)("$vendor: User-Agent", ({ key, path, create }) => {
  it("is ai-vendor-contracts/<version> node/<version>; the caller's, in the client's or the call's headers, replaces it", async () => {
    expect(await sentAgent(create, key, path)).toBe(`ai-vendor-contracts/${PACKAGE_VERSION} node/${process.versions.node}`);
    expect(await sentAgent(create, key, path, { "user-agent": "my-app/1" })).toBe("my-app/1");
    expect(await sentAgent(create, key, path, undefined, { "User-Agent": "my-call/2" })).toBe("my-call/2");
  });
});

describe("the parts of the User-Agent", () => {
  it("the version constant is package.json's (update src/core/package-version.ts with the version)", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
  });

  it("names Bun, Deno, workerd and Node by their globals, and nothing in a browser", () => {
    expect(runtimeName({ Bun: { version: "1.2.3" }, process: { versions: { node: "22.0.0" } } })).toBe("bun/1.2.3");
    expect(runtimeName({ Deno: { version: { deno: "2.1.0" } }, process: { versions: { node: "20.0.0" } } })).toBe("deno/2.1.0");
    expect(runtimeName({ navigator: { userAgent: "Cloudflare-Workers" }, process: { versions: { node: "20.0.0" } } })).toBe("workerd");
    expect(runtimeName({ process: { versions: { node: "20.19.0" } } })).toBe("node/20.19.0");
    expect(runtimeName({ navigator: { userAgent: "Mozilla/5.0" } })).toBeUndefined();
  });
});

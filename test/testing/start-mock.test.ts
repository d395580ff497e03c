// The mock kit as a consumer's global setup uses it: startMock resolves once Prism answers on
// 127.0.0.1, refuses bad input with a message that says what to do, and stop() ends the process.
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { listMockVendors, startMock, type RunningMock } from "../../src/testing/index.js";

const started: RunningMock[] = [];
afterAll(() => Promise.all(started.map((m) => m.stop())));

describe("startMock", () => {
  it("serves the vendor's spec on 127.0.0.1 and stop() ends the process", async () => {
    const mock = await startMock("ayliea");
    started.push(mock);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    const answer = await fetch(`${mock.url}/scores`, { headers: { "X-API-Key": `ayliea_pk_${"ab".repeat(32)}` } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toHaveProperty("scores");
    await mock.stop();
    await expect(fetch(`${mock.url}/scores`)).rejects.toThrow();
    await mock.stop(); // a second stop is harmless
  }, 60_000);

  it("an unknown vendor is refused with the list of known ones", async () => {
    await expect(startMock("acme")).rejects.toThrow(`Unknown vendor "acme". Known vendors: ${listMockVendors().join(", ")}.`);
    expect(listMockVendors()).toEqual(["aiclicks", "ailabsaudit", "aiptx", "ayliea"]);
  });

  it("a port in use is refused, naming the port", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startMock("aiclicks", { port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("a port out of range is refused before anything starts", async () => {
    await expect(startMock("aiclicks", { port: 70_000 })).rejects.toThrow("port must be a whole number from 1 to 65535, got 70000.");
  });
});

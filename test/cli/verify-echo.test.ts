// Part of the secrets invariant suite (test/faults/secrets.test.ts): the CLI with a canary key.
// `verify` sends the key through Prism's proxy to an upstream that echoes it in every body and
// header, and `mock` is given bad usage; neither stdout nor stderr may show the key or a piece of it.
// The cross-origin-redirect variant of `verify` (credentials followed through Prism's proxy) is
// issue 21's, which rewrites verify's probing; here the upstream echoes the key at the same origin.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { leaks } from "../fixtures/secret-scan.js";
import { echoEnvelope } from "../faults/secret-run.js";
import { canaryKey } from "../faults/secret-scenario.js";
import { runCli } from "./run-cli.js";

const SEED = process.env.SECRETS_SEED ? Number(process.env.SECRETS_SEED) : Math.floor(Math.random() * 2 ** 31);
const KEY = canaryKey("aiclicks", SEED);

it(`verify against an upstream echoing the key in bodies and headers, and mock's usage errors, show no key (seed ${SEED})`, async () => {
  let requests = 0;
  const upstream = createServer((req, res) => {
    const sent = String(req.headers.authorization ?? "");
    // 200s that break the spec (the verdict quotes what it got), and declared and undeclared errors.
    const status = [200, 401, 200, 404, 500, 422][requests++ % 6]!;
    res.writeHead(status, { "content-type": "application/json", "x-request-id": `id ${sent}`, "x-echo": sent, "www-authenticate": `Bearer token="${sent}"` });
    res.end(JSON.stringify({ ...echoEnvelope(`you sent ${sent}`), data: { total: sent, items: [sent] } }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const verify = await runCli(["verify", "aiclicks", "--upstream", url], { AICLICKS_API_KEY: KEY });
    expect(verify.code, verify.stdout + verify.stderr).toBe(1);
    expect(verify.stdout).toMatch(/violations [1-9]/);
    const mock = await runCli(["mock", "aiclicks", "--seed", "5"], { AICLICKS_API_KEY: KEY });
    expect(mock.code).toBe(2);
    const channels = { "verify stdout": verify.stdout, "verify stderr": verify.stderr, "mock stdout": mock.stdout, "mock stderr": mock.stderr };
    expect(leaks(channels, KEY), `replay with SECRETS_SEED=${SEED}`).toEqual([]);
  } finally {
    await new Promise((resolve) => upstream.close(resolve));
  }
}, 120_000);

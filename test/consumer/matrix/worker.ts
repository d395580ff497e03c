// A Cloudflare Worker the support matrix bundles (esbuild) and runs with `workerd test`: its
// test handler makes the strict calls of calls.ts, with validation on, against the loopback mocks
// whose URLs the matrix wrote to mock-urls.json. A rejection fails the workerd test.
import urls from "./mock-urls.json" with { type: "json" };
import { strictCalls } from "./calls.js";

export default {
  async test(): Promise<void> {
    for (const line of await strictCalls((vendor) => urls[vendor])) console.log(line);
    console.log("workerd strict calls: OK");
  },
};

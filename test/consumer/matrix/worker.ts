// A Cloudflare Worker the support matrix bundles (esbuild) and runs with `workerd test`: its
// test handler makes the strict calls of calls.ts, with validation on, against the loopback mocks
// whose URLs the matrix wrote to mock-urls.json. A rejection fails the workerd test.
import { ConfigurationError } from "ai-vendor-contracts";
import { createAiptxClient } from "ai-vendor-contracts/aiptx";
import urls from "./mock-urls.json" with { type: "json" };
import { strictCalls } from "./calls.js";

export default {
  async test(): Promise<void> {
    // A Worker's environment holds no key (its secrets are bindings on `env`, never read by the
    // package): a client without { apiKey } is refused at creation, naming the option.
    try {
      createAiptxClient({ baseUrl: urls.aiptx });
      throw new Error("a client without a key was created");
    } catch (error) {
      if (!(error instanceof ConfigurationError) || !error.message.includes("pass { apiKey }")) throw error;
    }
    for (const line of await strictCalls((vendor) => urls[vendor])) console.log(line);
    console.log("workerd strict calls: OK");
  },
};

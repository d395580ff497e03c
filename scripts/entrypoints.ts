// Every subpath a consumer can import, as the exports map resolves them. attw cannot enumerate
// the "./*" pattern export, so check:package lists them from here, and so does the support
// matrix's CommonJS consumer that require()s each one.
import { listVendors } from "./vendors.js";

const vendors = listVendors().map((v) => v.name);

/** ".", one per vendor in redocly.yaml and its "./<vendor>/schemas", the kits, each vendor's spec, "./package.json". */
export const entrypoints = [
  ".",
  ...vendors.map((v) => `./${v}`),
  ...vendors.map((v) => `./${v}/schemas`),
  "./testing",
  "./testing/msw",
  "./redis",
  ...vendors.map((v) => `./specs/${v}.json`),
  "./package.json",
];

// The support matrix runs this on Bun and Deno (and Node): the strict calls of calls.ts against
// the contract mocks whose URLs the matrix script wrote to mock-urls.json.
import urls from "./mock-urls.json" with { type: "json" };
import { strictCalls } from "./calls.js";

for (const line of await strictCalls((vendor) => urls[vendor])) console.log(line);
console.log("strict calls: OK");

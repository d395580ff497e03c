// Compiles src/ and generated/ to dist/ with declarations. tsc emits nothing for the generated
// .d.ts types and the bundled specs, so they are copied beside their compiled neighbours.
import { cpSync, readdirSync, rmSync } from "node:fs";
import { bin, run } from "./run.js";
import { repoRoot } from "./vendors.js";

rmSync(`${repoRoot}/dist`, { recursive: true, force: true });
await run(bin("tsc"), ["-p", "tsconfig.build.json"]);
for (const vendor of readdirSync(`${repoRoot}/generated`)) {
  for (const file of ["schema.d.ts", "openapi.json"]) {
    cpSync(`${repoRoot}/generated/${vendor}/${file}`, `${repoRoot}/dist/generated/${vendor}/${file}`);
  }
}
console.log("compiled to dist/");

// `npm run build`: lint → generate → generate:check → typecheck → compile → docs. One line per
// step with its duration; the first failing step stops the build and prints its output.
import { bin, run } from "./run.js";

const tsx = bin("tsx");
const steps: [name: string, command: string, args: string[]][] = [
  ["lint", bin("redocly"), ["lint"]],
  ["generate", tsx, ["scripts/generate.ts"]],
  ["generate:check", tsx, ["scripts/generate.ts", "--check"]],
  ["typecheck", bin("tsc"), ["-p", "tsconfig.json"]],
  ["compile", tsx, ["scripts/compile.ts"]],
  ["docs", tsx, ["scripts/docs.ts"]],
];

const started = performance.now();
for (const [name, command, args] of steps) {
  const t0 = performance.now();
  try {
    await run(command, args);
  } catch (error) {
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.error(`✗ ${name} failed after ${seconds} s\n\n${(error as { output?: string }).output ?? String(error)}`);
    process.exit(1);
  }
  console.log(`✓ ${name.padEnd(15)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s`);
}
console.log(`build finished in ${((performance.now() - started) / 1000).toFixed(1)} s — dist/ and site/ are ready`);

// What the package costs a consumer's type check: tsc on the consumer app of test/consumer
// (every vendor client, a vendor's zod schemas, the testing kit, a bundled spec; strict, NodeNext)
// and on an app that imports one client only, against a baseline module that imports nothing from
// the package, same compiler options, same run; with skipLibCheck and without (the compiler's
// default), where every declaration file in the program is checked too. The package is
// linked into a temporary project (node_modules/ai-vendor-contracts → this repository), so tsc
// resolves it through the exports map to dist/ exactly as an installed copy would. Rounds are
// interleaved; medians are reported. Reported, never asserted. The consumer app is also checked by
// TypeScript 7 (the native compiler, installed once into the support matrix's runtime cache),
// beside 5.9 (this repository's) in the same rounds.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../scripts/vendors.js";
import { ensureFreshDist } from "../scripts/dist.js";
import { TYPESCRIPTS } from "../scripts/matrix/pins.js";
import { cachedInstall } from "../scripts/matrix/runtimes.js";
import { run } from "../scripts/run.js";
import { median, type BenchResult } from "./measure.js";

const fixtures = `${repoRoot}/test/consumer/fixtures`;
const BASELINE = `// Imports nothing from the package.
const started: number = performance.now();
console.log(\`started at \${started.toFixed(1)} ms\`);
export {};
`;
// The smallest real use: one vendor's client, one call. Its program must hold no zod declarations.
const CLIENT_ONLY = `import { createAiclicksClient } from "ai-vendor-contracts/aiclicks";
const client = createAiclicksClient({ apiKey: "ak_live_typecheck" });
const { data } = await client.GET("/api/v1/domains");
console.log(data?.data.items.length);
`;

// The same call with openapi-fetch alone, typed by the same generated paths: what any app built
// on openapi-fetch pays, the floor of the one-client figure.
const OPENAPI_FETCH_ONLY = `import createClient from "openapi-fetch";
import type { paths } from "ai-vendor-contracts/aiclicks";
const client = createClient<paths>({ baseUrl: "https://api.aiclicks.io", headers: { authorization: "Bearer ak_live_typecheck" } });
const { data } = await client.GET("/api/v1/domains");
console.log(data?.data.items.length);
`;

interface Diagnostics {
  check: number;
  total: number;
  instantiations: number;
}

const ownTsc = `${repoRoot}/node_modules/typescript/bin/tsc`;

async function tsc(cwd: string, config: string, compiler = ownTsc): Promise<Diagnostics> {
  const output = await run(process.execPath, [compiler, "-p", config, "--extendedDiagnostics", "--pretty", "false"], { cwd });
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(output)?.[1] ?? NaN);
  return { check: field("Check time"), total: field("Total time"), instantiations: field("Instantiations") };
}

/** How many of zod's declaration files a program holds. */
async function zodDeclarations(cwd: string, config: string): Promise<number> {
  const output = await run(process.execPath, [`${repoRoot}/node_modules/typescript/bin/tsc`, "-p", config, "--listFilesOnly"], { cwd });
  return output.split("\n").filter((file) => file.includes("/node_modules/zod/")).length;
}

export async function typecheckCost(rounds = 5): Promise<BenchResult[]> {
  await ensureFreshDist();
  const ts7Version = TYPESCRIPTS.at(-1)!;
  const ts7 = `${await cachedInstall("typescript", ts7Version)}/bin/tsc`;
  const project = mkdtempSync(join(tmpdir(), "avc-typecheck-"));
  try {
    mkdirSync(join(project, "node_modules"));
    symlinkSync(repoRoot, join(project, "node_modules", "ai-vendor-contracts"), "dir");
    symlinkSync(`${repoRoot}/node_modules/openapi-fetch`, join(project, "node_modules", "openapi-fetch"), "dir");
    cpSync(`${fixtures}/app.ts`, join(project, "app.ts"));
    cpSync(`${fixtures}/calls.ts`, join(project, "calls.ts"));
    cpSync(`${fixtures}/tsconfig.nodenext.json`, join(project, "tsconfig.nodenext.json"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer-app", private: true, type: "module" }));
    writeFileSync(join(project, "baseline.ts"), BASELINE);
    writeFileSync(join(project, "client-only.ts"), CLIENT_ONLY);
    writeFileSync(join(project, "openapi-fetch-only.ts"), OPENAPI_FETCH_ONLY);
    const configs = {
      app: { files: ["app.ts"], skipLibCheck: true },
      baseline: { files: ["baseline.ts"], skipLibCheck: true },
      "client-only": { files: ["client-only.ts"], skipLibCheck: true },
      "app, skipLibCheck false": { files: ["app.ts"], skipLibCheck: false },
      "baseline, skipLibCheck false": { files: ["baseline.ts"], skipLibCheck: false },
      "client-only, skipLibCheck false": { files: ["client-only.ts"], skipLibCheck: false },
      "openapi-fetch-only, skipLibCheck false": { files: ["openapi-fetch-only.ts"], skipLibCheck: false },
    };
    for (const [name, { files, skipLibCheck }] of Object.entries(configs)) {
      const config = { extends: "./tsconfig.nodenext.json", compilerOptions: { noEmit: true, skipLibCheck }, files };
      writeFileSync(join(project, `tsconfig.${name.replace(/\W+/g, "-")}.json`), JSON.stringify(config));
    }
    const TS7_LIB_CHECK = ["client-only, skipLibCheck false", "baseline, skipLibCheck false"];
    const samples: Record<string, Diagnostics[]> = Object.fromEntries(
      [...Object.keys(configs), "app, TypeScript 7", ...TS7_LIB_CHECK.map((name) => `${name}, TypeScript 7`)].map((k) => [k, []]),
    );
    await tsc(project, "tsconfig.app.json"); // warm the file cache
    for (let round = 0; round < rounds; round++) {
      for (const name of Object.keys(configs)) {
        // The lib-check pair is informational and slow: three rounds are enough.
        if (name.includes("skipLibCheck") && round >= 3) continue;
        samples[name]!.push(await tsc(project, `tsconfig.${name.replace(/\W+/g, "-")}.json`));
      }
      samples["app, TypeScript 7"]!.push(await tsc(project, "tsconfig.app.json", ts7));
      if (round < 3) {
        for (const name of TS7_LIB_CHECK) samples[`${name}, TypeScript 7`]!.push(await tsc(project, `tsconfig.${name.replace(/\W+/g, "-")}.json`, ts7));
      }
    }
    const zodInClientOnly = await zodDeclarations(project, "tsconfig.client-only.json");
    const m = (name: string, key: keyof Diagnostics) => median(samples[name]!.map((d) => d[key]));
    const adds = (name: string, key: keyof Diagnostics, baseline = "baseline") => m(name, key) - m(baseline, key);
    return [
      { name: "baseline (no package imports): check time", value: m("baseline", "check"), unit: "s" },
      { name: "consumer app: check time", value: m("app", "check"), unit: "s" },
      { name: `consumer app: check time, TypeScript ${ts7Version} (beside 5.9 above)`, value: m("app, TypeScript 7", "check"), unit: "s" },
      { name: "consumer app adds: check time", value: adds("app", "check"), unit: "s", target: 0.5 },
      { name: "consumer app adds: total tsc time (parse+bind)", value: adds("app", "total"), unit: "s" },
      { name: "baseline: type instantiations", value: m("baseline", "instantiations"), unit: "" },
      { name: "consumer app: type instantiations", value: m("app", "instantiations"), unit: "" },
      {
        name: "consumer app adds: type instantiations",
        value: adds("app", "instantiations"),
        unit: "",
      },
      { name: "one-client app adds: check time", value: adds("client-only", "check"), unit: "s", target: 0.5 },
      { name: "one-client app: zod declaration files", value: zodInClientOnly, unit: "", target: 0 },
      { name: "skipLibCheck false, baseline: check time", value: m("baseline, skipLibCheck false", "check"), unit: "s" },
      {
        name: "skipLibCheck false, consumer app adds: check",
        value: adds("app, skipLibCheck false", "check", "baseline, skipLibCheck false"),
        unit: "s",
        target: 1,
      },
      {
        name: "skipLibCheck false, one-client app adds: check",
        value: adds("client-only, skipLibCheck false", "check", "baseline, skipLibCheck false"),
        unit: "s",
        target: 1,
      },
      {
        name: "skipLibCheck false, openapi-fetch-alone app adds: check (the floor)",
        value: adds("openapi-fetch-only, skipLibCheck false", "check", "baseline, skipLibCheck false"),
        unit: "s",
      },
      {
        name: `skipLibCheck false, one-client app adds: check, TypeScript ${ts7Version}`,
        value: adds("client-only, skipLibCheck false, TypeScript 7", "check", "baseline, skipLibCheck false, TypeScript 7"),
        unit: "s",
      },
    ];
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

// Compiles src/ and generated/ to dist/. tsc type-checks and emits JavaScript and declarations
// into a staging directory; the declarations are copied to dist/ as they are (the exports map's
// types), and the JavaScript is bundled by esbuild in two passes:
//   1. src/core/ — the vendor-neutral runtime — as one module, dist/src/core/index.js (its lazy
//      imports stay lazy chunks);
//   2. every package entry (dist/src/<entry>/index.js, the `<vendor>/schemas` modules, the CLI),
//      with shared chunks (dist/src/chunks/), each import of a core module pointing at that one
//      module, and every package (zod, openapi-fetch, the optional peers, node:*) left an import.
// Why: most of a cold start was loading some sixty small modules, not running them; a vendor
// entry now loads three files (README, "Cold start"). And with one core module, an error class
// is the same class from every entry. Nothing is minified: what runs stays readable.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { bin, run } from "./run.js";
import { listVendors, repoRoot } from "./vendors.js";

const dist = `${repoRoot}/dist`;
// A directory of its own per run (two compiles at once must not share one), by its real path, which
// is how esbuild reports the paths the core barrel is matched against.
const staging = realpathSync(mkdtempSync(join(tmpdir(), "avc-compile-")));
process.on("exit", () => rmSync(staging, { recursive: true, force: true }));
const vendors = listVendors().map((v) => v.name);

/** The package's entries (package.json exports and bin), as paths under src/ and generated/ without extension. */
const ENTRIES = [
  "src/index",
  ...vendors.map((v) => `src/${v}/index`),
  ...vendors.map((v) => `generated/${v}/zod`),
  "src/testing/index",
  "src/testing/msw/index",
  "src/redis/index",
  "src/cli/index",
];

rmSync(dist, { recursive: true, force: true });
await run(bin("tsc"), ["-p", "tsconfig.build.json", "--outDir", staging]);
// Files tsc does not emit: the generated types and precompiled checks, and the bundled specs.
for (const vendor of vendors) {
  for (const file of ["schema.d.ts", "precompiled.d.ts", "precompiled.js", "openapi.json"]) {
    cpSync(`${repoRoot}/generated/${vendor}/${file}`, `${staging}/generated/${vendor}/${file}`);
  }
}
// Declarations (and the specs) keep their place: dist/src/aiclicks/index.d.ts imports ../core/….
for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.d\.ts$|\.json$/.test(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(dist, relative(staging, from));
  mkdirSync(join(to, ".."), { recursive: true });
  cpSync(from, to);
}
const shared: BuildOptions = {
  outdir: dist,
  chunkNames: "src/chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  packages: "external",
  // Chunk comments name src/… files, not the staging directory.
  absWorkingDir: staging,
  logLevel: "error",
};

// Pass 1: the core a client loads with it: the core modules the vendor entries reach through
// static imports (found by a trial bundle), behind one barrel. Core modules reached only through
// `import()` stay lazy chunks of it; one no client reaches (formats, for the schemas) is bundled
// where it is used. Two barrel modules exporting one name would make `export *` drop it silently,
// so that fails the build instead.
// The vendor entries decide it: what the root entry alone exports (parseDeprecation) is bundled into it.
const CLIENTS = vendors.map((v) => `src/${v}/index`);
const coreDir = `${staging}/src/core`;
const trial = await build({ ...shared, entryPoints: CLIENTS.map((entry) => `${staging}/${entry}.js`), write: false, metafile: true });
const eager = new Set<string>();
const visit = (output: string) => {
  if (eager.has(output)) return;
  eager.add(output);
  for (const { path, kind, external } of trial.metafile.outputs[output]!.imports) if (kind === "import-statement" && !external) visit(path);
};
// A dynamic import's target is an entry point of the metafile too: only the clients' own count.
const clientEntries = new Set(CLIENTS.map((entry) => `${entry}.js`));
for (const [output, { entryPoint }] of Object.entries(trial.metafile.outputs)) if (entryPoint && clientEntries.has(entryPoint)) visit(output);
const coreModules = [...new Set([...eager].flatMap((output) => Object.keys(trial.metafile.outputs[output]!.inputs)))]
  .filter((input) => input.startsWith("src/core/"))
  .map((input) => input.slice("src/core/".length))
  .sort();
const { metafile } = await build({ ...shared, entryPoints: coreModules.map((f) => `${coreDir}/${f}`), bundle: false, splitting: false, write: false, metafile: true, outdir: "out" });
const exporters = new Map<string, string[]>();
for (const [out, { exports, entryPoint }] of Object.entries(metafile.outputs)) {
  if (out.endsWith(".js")) for (const name of exports) exporters.set(name, [...(exporters.get(name) ?? []), entryPoint!]);
}
const clashes = [...exporters].filter(([, files]) => files.length > 1).map(([name, files]) => `${name} (${files.join(", ")})`);
if (clashes.length) throw new Error(`two core modules export the same name; rename one:\n  ${clashes.join("\n  ")}`);
writeFileSync(`${coreDir}/index.js`, coreModules.map((f) => `export * from "./${f}";`).join("\n"));
const barrel = new Set(coreModules.map((f) => `${coreDir}/${f}`));
await build({ ...shared, entryPoints: { "src/core/index": `${coreDir}/index.js` } });
// Error classes name themselves after their class (new.target.name); a class the bundler renamed
// to avoid a collision would change error.name, so a renamed class fails the build.
const coreOutput = readFileSync(`${dist}/src/core/index.js`, "utf8");
const classes = coreModules.flatMap((f) => [...readFileSync(`${coreDir}/${f}`, "utf8").matchAll(/^export class (\w+)/gm)].map((m) => m[1]!));
const renamed = classes.filter((name) => !new RegExp(`^var ${name} = class |^class ${name} `, "m").test(coreOutput));
if (renamed.length) throw new Error(`the bundler renamed core classes (their names are error names): ${renamed.join(", ")}; rename the clashing declarations`);

// Pass 2: the entries. An import of a core module becomes an import of dist/src/core/index.js,
// and (for the kits and the CLI) an import of a vendor's description an import of that vendor's
// entry, which exports it: the kits carry no copy of a client's code or of its lazy chunks.
// Each is written relative to the file it lands in once esbuild has placed it.
const MARK = "ai-vendor-contracts:";
const shipped = (target: string): Plugin => ({
  name: "shipped-modules",
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      if (barrel.has(path)) return { path: `${MARK}src/core/index.js`, external: true };
      const vendor = target === "kits" ? vendors.find((v) => path === `${staging}/src/${v}/vendor.js`) : undefined;
      return vendor ? { path: `${MARK}src/${vendor}/index.js`, external: true } : undefined;
    });
  },
});
async function bundleEntries(names: string[], target: "clients" | "kits") {
  const { outputFiles } = await build({
    ...shared,
    entryPoints: Object.fromEntries(names.map((entry) => [entry, `${staging}/${entry}.js`])),
    plugins: [shipped(target)],
    write: false,
  });
  for (const file of outputFiles) {
    const text = file.text.replace(new RegExp(`"${MARK}([^"]+)"`, "g"), (_, shippedPath: string) => {
      const to = relative(dirname(file.path), `${dist}/${shippedPath}`);
      return JSON.stringify(to.startsWith(".") ? to : `./${to}`);
    });
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, text);
  }
}
// The clients apart from the kits: a vendor entry shares no chunk with the testing kit (which
// imports every vendor's description), so it loads itself and the core, nothing else.
const clients = ["src/index", ...CLIENTS];
await bundleEntries(clients, "clients");
await bundleEntries(ENTRIES.filter((entry) => !clients.includes(entry)), "kits");
console.log("compiled to dist/");

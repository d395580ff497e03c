// The JavaScript of dist/, bundled by esbuild from tsc's output (scripts/compile.ts) in two passes:
//   1. the core a client loads with it, as one module, dist/src/core/index.js (its lazy imports
//      stay lazy chunks);
//   2. every package entry (dist/src/<entry>/index.js, the `<vendor>/schemas` modules, the CLI),
//      with shared chunks (dist/src/chunks/), each import of a core module pointing at that one
//      module, and every package but openapi-fetch (zod, the optional peers, node:*) left an import.
// Why: most of a cold start was loading some sixty small modules, not running them; a vendor
// entry now loads two files of ours (README, "Cold start"). And with one core module, an error
// class is the same class from every entry. Nothing is minified: what runs stays readable.
// openapi-fetch is compiled into the core module (see INLINED below).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type BuildOptions, type Plugin } from "esbuild";

export interface DistLayout {
  /** tsc's output (absolute, real path), with the generated files tsc does not emit copied in. */
  staging: string;
  dist: string;
  vendors: string[];
  /** The package's entries, as paths under src/ and generated/ without extension. */
  entries: string[];
}

/**
 * The one package compiled into the core module instead of left an import: resolving it from
 * node_modules and loading it as a module of its own cost a cold call ~1.2 ms (3-4 % of it, on
 * Node 20, 22 and 24 alike; ~120 kB of young-generation allocation on Node 20), and its exact pin
 * in package.json already meant its fixes came with our releases. Its license travels with it.
 */
const INLINED = "openapi-fetch";
const inlined: Plugin = {
  name: "inlined-package",
  setup(b) {
    // In a namespace of its own, so the bundle's comments name `inlined:openapi-fetch/…`, not a
    // path on the build machine.
    const file = fileURLToPath(import.meta.resolve(INLINED));
    b.onResolve({ filter: new RegExp(`^${INLINED}$`) }, () => ({ path: `${INLINED}${file.slice(file.lastIndexOf(`/${INLINED}/`) + INLINED.length + 1)}`, namespace: "inlined" }));
    b.onLoad({ filter: /./, namespace: "inlined" }, () => ({ contents: readFileSync(file, "utf8"), loader: "js" }));
  },
};

/** The legal comment an output holding the inlined package starts with: its version and license. */
function inlinedNotice(): string {
  const root = dirname(fileURLToPath(import.meta.resolve(`${INLINED}/package.json`)));
  const { version } = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { version: string };
  return `/*! This module includes ${INLINED} ${version}, under its license:\n\n${readFileSync(`${root}/LICENSE`, "utf8").trim()}\n*/\n`;
}

export async function bundleDist({ staging, dist, vendors, entries }: DistLayout): Promise<void> {
  const shared: BuildOptions = {
    outdir: dist,
    chunkNames: "src/chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    packages: "external",
    // Not minified. Whitespace-minified, the core module alone imports ~1 ms faster, but a whole
    // cold call took ~3 ms longer (two A/B runs, 21 alternating samples each): on Node 20 its
    // decoded source (two-byte, ~115 kB) then fits V8's young generation, where the 144 kB of the
    // unminified one go to large-object space, and the call pays one more scavenge (README,
    // "Cold start").
    // Chunk comments name src/… files, not the staging directory.
    absWorkingDir: staging,
    logLevel: "error",
  };

  const CLIENTS = vendors.map((v) => `src/${v}/index`);
  const coreDir = `${staging}/src/core`;
  const coreIndex = `${coreDir}/index.js`;
  let barrel = new Set<string>();

  // Imports of shipped modules are marked while esbuild bundles, then written relative to the
  // file each lands in once esbuild has placed it.
  const MARK = "ai-vendor-contracts:";
  const shipped = (target: "core" | "clients" | "kits"): Plugin => ({
    name: "shipped-modules",
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        // Building the core module, only a lazy module's imports of it are redirected.
        const importerIsCore = args.importer === coreIndex || barrel.has(args.importer);
        if (barrel.has(path) && (target !== "core" || !importerIsCore)) return { path: `${MARK}src/core/index.js`, external: true };
        const vendor = target === "kits" ? vendors.find((v) => path === `${staging}/src/${v}/vendor.js`) : undefined;
        return vendor ? { path: `${MARK}src/${vendor}/index.js`, external: true } : undefined;
      });
    },
  });
  async function bundle(entryPoints: Record<string, string>, target: "core" | "clients" | "kits") {
    const plugins = target === "core" ? [shipped(target), inlined] : [shipped(target)];
    const { outputFiles, metafile } = await build({ ...shared, entryPoints, plugins, write: false, metafile: true });
    for (const file of outputFiles) {
      const inputs = Object.keys(metafile.outputs[relative(staging, file.path)]?.inputs ?? {});
      const notice = inputs.some((input) => input.startsWith("inlined:")) ? inlinedNotice() : "";
      const text = notice + file.text.replace(new RegExp(`"${MARK}([^"]+)"`, "g"), (_, shippedPath: string) => {
        const to = relative(dirname(file.path), `${dist}/${shippedPath}`);
        return JSON.stringify(to.startsWith(".") ? to : `./${to}`);
      });
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, text);
    }
  }
  // Pass 1: the core a client loads with it: the core modules the vendor entries reach through
  // static imports (found by a trial bundle), behind one barrel. Core modules reached only through
  // `import()` stay lazy chunks of it; one no client reaches (formats, for the schemas) is bundled
  // where it is used. Two barrel modules exporting one name would make `export *` drop it silently,
  // so that fails the build instead.
  // The vendor entries decide it: what the root entry alone exports (parseDeprecation) is bundled into it.
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
  barrel = new Set(coreModules.map((f) => `${coreDir}/${f}`));
  // A lazy core module (reached only through import(): the poll loop, the validation glue …) that
  // imports an eager one imports the core module itself: otherwise esbuild would move the shared
  // code into a chunk of its own, one more file on every start.
  await bundle({ "src/core/index": `${coreDir}/index.js` }, "core");
  // Error classes name themselves after their class (new.target.name); a class the bundler renamed
  // to avoid a collision would change error.name. The built module is loaded and each exported
  // class asked its name: a renamed one fails the build.
  const built = (await import(pathToFileURL(`${dist}/src/core/index.js`).href)) as Record<string, unknown>;
  const classes = coreModules.flatMap((f) => [...readFileSync(`${coreDir}/${f}`, "utf8").matchAll(/^export class (\w+)/gm)].map((m) => m[1]!));
  const renamed = classes.filter((name) => (built[name] as { name?: unknown } | undefined)?.name !== name);
  if (renamed.length) throw new Error(`the bundler renamed core classes (their names are error names): ${renamed.join(", ")}; rename the clashing declarations`);

  // Pass 2: the entries. An import of a core module becomes an import of dist/src/core/index.js,
  // and (for the kits and the CLI) an import of a vendor's description an import of that vendor's
  // entry, which exports it: the kits carry no copy of a client's code or of its lazy chunks.
  async function bundleEntries(names: string[], target: "clients" | "kits") {
    if (names.length) await bundle(Object.fromEntries(names.map((entry) => [entry, `${staging}/${entry}.js`])), target);
  }
  // The clients apart from the kits: a vendor entry shares no chunk with the testing kit (which
  // imports every vendor's description), so it loads itself and the core, nothing else.
  const clients = ["src/index", ...CLIENTS];
  await bundleEntries(clients, "clients");
  await bundleEntries(entries.filter((entry) => !clients.includes(entry)), "kits");
}

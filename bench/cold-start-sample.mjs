// One cold-start sample, alone in a fresh Node process: imports the compiled vendor entry,
// creates a client on an in-memory fetch and makes its first call (or, as the floor of what
// validation adds, only imports zod); prints the milliseconds from before the import to the end.
// Plain JavaScript run by node itself: a TypeScript loader's hooks would slow the imports measured.
// Usage: node bench/cold-start-sample.mjs '<json: { vendor, factory, apiKey, validate, method, path, init, body } | { zodOnly: true }>'
const started = performance.now();
const sample = JSON.parse(process.argv[2]);
if (sample.zodOnly) {
  await import("zod");
} else {
  const { vendor, factory, apiKey, validate, method, path, init, body } = sample;
  const entry = await import(`../dist/src/${vendor}/index.js`);
  const fetch = async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  const client = entry[factory]({ apiKey, baseUrl: "https://api.example.test", fetch, validate, rateLimit: false, throwOnError: true });
  await client[method](path, init);
}
console.log(JSON.stringify({ ms: performance.now() - started }));

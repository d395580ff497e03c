// One cold-start sample, alone in a fresh Node process: imports the compiled vendor entry,
// creates a client on an in-memory fetch and makes its first call; prints the milliseconds from
// before the import to the end.
// Plain JavaScript run by node itself: a TypeScript loader's hooks would slow the imports measured.
// The floor beside it: openapi-fetch alone, the same call on the same in-memory fetch.
// Usage: node bench/cold-start-sample.mjs '<json: { vendor, factory, apiKey, validate, method, path, init, body, openapiFetch? }>'
const started = performance.now();
const sample = JSON.parse(process.argv[2]);
if (sample.openapiFetch) {
  const { method, path, init, body, apiKey } = sample;
  const { default: createClient } = await import("openapi-fetch");
  const fetch = async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  const client = createClient({ baseUrl: "https://api.example.test", fetch, headers: { authorization: `Bearer ${apiKey}` } });
  await client[method](path, init);
} else {
  const { vendor, factory, apiKey, validate, method, path, init, body } = sample;
  const entry = await import(`../dist/src/${vendor}/index.js`);
  const fetch = async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  const client = entry[factory]({ apiKey, baseUrl: "https://api.example.test", fetch, validate, rateLimit: false, throwOnError: true });
  await client[method](path, init);
}
console.log(JSON.stringify({ ms: performance.now() - started }));

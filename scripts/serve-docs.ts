// `npm run docs:serve`: serves site/ on localhost for a preview (PORT to choose the port).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { repoRoot } from "./vendors.js";

const root = `${repoRoot}/site`;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".yaml": "application/yaml",
  ".svg": "image/svg+xml",
};

export function serveSite(port: number) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  }).listen(port, "127.0.0.1");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(`${root}/index.html`)) {
    console.error("site/ is not built yet: run `npm run docs` (or `npm run build`) first.");
    process.exit(1);
  }
  const server = serveSite(Number(process.env.PORT ?? 8080));
  server.on("listening", () => {
    const { port } = server.address() as { port: number };
    console.log(`Serving site/ at http://localhost:${port}/ — Ctrl-C to stop`);
  });
  server.on("error", (error) => {
    console.error(`Cannot serve site/: ${error.message}. Set PORT to a free port.`);
    process.exit(1);
  });
}

// A CommonJS consumer (a .cts file, `import x = require()`: TypeScript emits require()), compiled
// with module NodeNext by the support matrix and run on each Node: the MSW kit answers a strict
// call in-process, an override and an error answer included. Loading the package's ES modules
// from require() needs Node 20.19+ or 22.12+ and entries without top-level await.
import avc = require("ai-vendor-contracts");
import aiptxEntry = require("ai-vendor-contracts/aiptx");
import mswKit = require("ai-vendor-contracts/testing/msw");
import mswNode = require("msw/node");

const { NotFoundError, unwrap } = avc;
const { createAiptxClient } = aiptxEntry;
const { mswHandlers } = mswKit;
const { setupServer } = mswNode;

async function main(): Promise<void> {
  const aiptx = mswHandlers("aiptx");
  const server = setupServer(...aiptx.handlers);
  server.listen();
  try {
    const client = createAiptxClient({ apiKey: "aiptx_consumer", validate: "strict", rateLimit: false, maxRetries: 0, throwOnError: true });
    const getScan = () => client.GET("/scans/{scan_id}", { params: { path: { scan_id: "scan_cjs" } } });
    if (unwrap(await getScan()).data.status !== "running") throw new Error("default answer is not the spec's example");
    server.use(aiptx.respond("GET /scans/{scan_id}", 404, { success: false, error: { code: "SCAN_GONE", message: "deleted" }, meta: { request_id: "req_cjs" } }));
    const error = await getScan().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof NotFoundError) || error.code !== "SCAN_GONE") throw new Error(`404 override: got ${String(error)}`);
    console.log("consumer cjs app: OK");
  } finally {
    server.close();
  }
}

// A rejection is unhandled, and Node exits 1.
void main();

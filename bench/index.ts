// `npm run bench`: every benchmark, each reported against a baseline measured in the same run.
import { bundleSize } from "./bundle-size.js";
import { coldStart } from "./cold-start.js";
import { report } from "./measure.js";
import { requestOverhead } from "./request-overhead.js";
import { sharedRateLimit } from "./shared-rate-limit.js";
import { typecheckCost } from "./typecheck-cost.js";

report("Request overhead (365-item time series, over loopback and on an in-memory fetch; one process, interleaved rounds; baseline: raw fetch)", await requestOverhead());
report(
  "Cold start (fresh process per sample, pinned to one CPU: import + create + first call on an in-memory fetch; medians; baseline: openapi-fetch alone)",
  await coldStart(),
);
report(
  "Type-check cost of the consumer app (test/consumer/fixtures/app.ts; tsc, strict, NodeNext, skipLibCheck unless said; baseline: a module without package imports)",
  await typecheckCost(),
);
report(
  "Bundle size per entry point (esbuild with code splitting, minified, browser; gzip -9 per file; ×: with vs without validation)",
  await bundleSize(),
);
report(
  "Shared rate limit: one key, 20 per 1 s, 80 calls, up to 10 retries, against a server enforcing it in fixed windows (efficiency: ideal time / measured; Redis store vs a limiter per process)",
  await sharedRateLimit(),
);

// Starts one Prism mock per vendor (each on a free loopback port) before any test file runs and
// stops every one of them afterwards, whatever the tests did. And compiles dist/ first when it is
// stale: test files that read it (the consumer test, the no-eval test, the import check) would
// otherwise each compile it at once, into the same directory.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { ensureFreshDist } from "../scripts/dist.js";
import { listMockVendors, startMock } from "../src/testing/start-mock.js";

declare module "vitest" {
  export interface ProvidedContext {
    prism: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  await ensureFreshDist();
  const started = await Promise.allSettled(listMockVendors().map((vendor) => startMock(vendor)));
  const mocks = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.all(mocks.map((m) => m.stop()));
    throw failed.reason;
  }
  project.provide("prism", Object.fromEntries(mocks.map((m) => [m.vendor, m.url])));
  return async () => {
    await Promise.all(mocks.map((m) => m.stop()));
  };
}

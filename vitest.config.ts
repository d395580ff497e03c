import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores here: keep the worker count small so Prism processes get CPU too.
    maxWorkers: 2,
  },
});

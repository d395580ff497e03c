import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores here: keep the worker count small so Prism processes get CPU too.
    maxWorkers: 2,
    // `vitest run` also type-checks test/**/*.test-d.ts with tsc; a type error anywhere fails the run.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "test/types/tsconfig.json",
    },
  },
});

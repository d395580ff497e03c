// The package's version, as a constant so no entry reads package.json at run time (a file read,
// or a JSON import, on every cold start). test/core/user-agent.test.ts fails when it differs
// from package.json's.
export const PACKAGE_VERSION = "0.2.0";

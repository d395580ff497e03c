// The wait-for-a-job loop (poll.ts), imported with a client's first wait: a client that never
// waits, and a bundler's entry, leave it out.
import { lazy } from "./lazy.js";

export const loadPoll = lazy(() => import("./poll.js"));

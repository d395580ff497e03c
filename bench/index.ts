// `npm run bench`: every benchmark, each reported against a baseline measured in the same run.
import { report } from "./measure.js";
import { requestOverhead } from "./request-overhead.js";

report("Request overhead (loopback, 365-item time series; baseline: raw fetch)", await requestOverhead());

// The request-overhead benchmark's server, in a process of its own so that its work is not
// counted in the contenders' times: answers every request with the 365-day time series and
// prints its port. Usage: tsx bench/loopback-server.ts (ends with its parent's stdin).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { seriesBody } from "./time-series.js";

const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "x-request-id": "bench" });
  res.end(seriesBody);
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

// A host process as a consumer writes one: it starts a mock and prints its port; then, with
// `stop`, stops it and reports what still keeps Node alive; with `serve`, keeps running until a
// signal ends it (no signal handler of its own). The report leaves out what was there before the
// mock (the host's own stdio and loader).
import { writeSync } from "node:fs";
import { startMock } from "../../src/testing/index.js";

const say = (line: string) => writeSync(1, `${line}\n`);
const before = process.getActiveResourcesInfo();
const added = () => {
  const left = [...before];
  return process.getActiveResourcesInfo().filter((r) => (left.includes(r) ? (left.splice(left.indexOf(r), 1), false) : true));
};
const mock = await startMock("ayliea");
say(`ready ${mock.port}`);
if (process.argv[2] === "stop") {
  await mock.stop();
  // Two turns of the loop later: handles closed by stop() are released in the close phase.
  setImmediate(() => setImmediate(() => say(`alive after stop: ${JSON.stringify(added())}`)));
} else {
  setInterval(() => {}, 60_000);
}

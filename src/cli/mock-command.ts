// `ai-vendor-contracts mock <vendor>|--all`: Prism mocks of the shipped specs until Ctrl-C.
import { listMockVendors, startMock, type RunningMock } from "../testing/start-mock.js";
import { parseArgs, portFlag, rejectUnknown, UsageError } from "./args.js";

export const MOCK_HELP = `Usage: ai-vendor-contracts mock <vendor>|--all [--port N] [--dynamic] [--seed S]

Starts a Prism mock of each vendor's bundled spec on 127.0.0.1 and prints its URL.
Point a client's baseUrl at it. Ctrl-C stops every mock.

Vendors: ${listMockVendors().join(", ")} (any letter case)

Options:
  --all        one mock per vendor (with --port N: ports N, N+1, …)
  --port N     port to listen on (default: a free port)
  --dynamic    answer with data generated from the schemas instead of the examples
  --seed S     seed for --dynamic, so answers repeat
  --help       this text`;

export async function mockCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ["port", "seed"]);
  if (args.flags.has("help")) return (console.log(MOCK_HELP), 0);
  rejectUnknown(args, ["all", "port", "dynamic", "seed", "help"]);
  const known = listMockVendors();
  const all = args.flags.has("all");
  if (all === (args.positionals.length === 1) || args.positionals.length > 1) {
    throw new UsageError(`name one vendor (${known.join(", ")}) or pass --all`);
  }
  const vendors = all ? known : args.positionals.map((v) => v.toLowerCase());
  if (!known.includes(vendors[0]!)) throw new UsageError(`unknown vendor "${args.positionals[0]}"; known vendors: ${known.join(", ")}`);
  const port = portFlag(args);
  const overflowing = vendors.flatMap((vendor, i) => (port !== undefined && port + i > 65535 ? [`${vendor} port ${port + i}`] : []));
  if (overflowing.length) {
    throw new UsageError(
      `--port ${port} would give ${overflowing.join(" and ")}, past 65535; use --port ${65536 - vendors.length} or lower`,
    );
  }
  const seed = args.flags.get("seed");
  if (seed !== undefined && !args.flags.has("dynamic")) {
    throw new UsageError("--seed only applies with --dynamic (without it the mock answers with the spec's examples); add --dynamic or drop --seed");
  }
  if (args.flags.get("dynamic") !== undefined && args.flags.get("dynamic") !== true) throw new UsageError("--dynamic takes no value");
  // Listeners go on before any mock starts and stay on while stopping: a Ctrl-C at any moment
  // (even a second one) must not kill this process before the mocks, which run in their own
  // process groups, are gone.
  let interrupted = false;
  const signalled = new Promise<void>((resolve) => {
    const onSignal = () => ((interrupted = true), resolve());
    // SIGHUP: the terminal or SSH session closed. A SIGKILL cannot be caught: the mocks see this
    // process's end on their own (prism-process.ts) and end too.
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
  });
  const mocks: RunningMock[] = [];
  const stopAll = () => Promise.all(mocks.map((m) => m.stop()));
  try {
    for (const [i, vendor] of vendors.entries()) {
      if (interrupted) break;
      mocks.push(
        await startMock(vendor, {
          ...(port !== undefined ? { port: port + i } : {}),
          dynamic: args.flags.has("dynamic"),
          ...(typeof seed === "string" ? { seed } : {}),
        }),
      );
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  if (!interrupted) {
    for (const mock of mocks) console.log(`${mock.vendor.padEnd(12)} ${mock.url}`);
    console.log("Mocks running — Ctrl-C to stop.");
  }
  await signalled;
  await stopAll();
  console.log("Mocks stopped.");
  return 0;
}

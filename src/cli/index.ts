#!/usr/bin/env node
// The `ai-vendor-contracts` command. Exit codes: 0 ok, 1 violations or failure, 2 bad usage.
import { usageReport, UsageError } from "./args.js";
import { DIFF_HELP, diffCommand } from "./diff-command.js";
import { MOCK_HELP, mockCommand } from "./mock-command.js";
import { VERIFY_HELP, verifyCommand } from "./verify-command.js";
import { packageVersion } from "./version.js";

const HELP = `Usage: ai-vendor-contracts <command> [options]

Commands:
  mock <vendor>|--all    run Prism mocks of the bundled specs (see: mock --help)
  verify <vendor>        check a live API's answers against the spec (see: verify --help)
  diff <old> <new>       breaking and other changes between two specs (see: diff --help)

Options:
  --version              the package's version
  --help                 this text`;

const commands: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  mock: { run: mockCommand, help: MOCK_HELP },
  verify: { run: verifyCommand, help: VERIFY_HELP },
  diff: { run: diffCommand, help: DIFF_HELP },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "help") {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") return (console.log(packageVersion()), 0);
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(usageReport(`ai-vendor-contracts ${name}`, error, command.help, `ai-vendor-contracts ${name} --help`));
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(usageReport("ai-vendor-contracts", error, HELP, "ai-vendor-contracts --help"));
      process.exit(2);
    }
    console.error(`ai-vendor-contracts: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  },
);

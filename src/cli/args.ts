// A tiny argv parser: positionals, `--flag`, `--key value` and `--key=value`. Unknown flags are
// the caller's to reject, so every command can say which flags it takes.
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/**
 * What bad usage prints: what was wrong, the command's usage line (the first line of its help)
 * and where the rest is — not the whole help, which would bury the one line that matters.
 */
export function usageReport(prefix: string, error: UsageError, help: string, helpCommand: string): string {
  return `${prefix}: ${error.message}\n${help.split("\n", 1)[0]}\nRun \`${helpCommand}\` for every option.`;
}

export function parseArgs(argv: string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else flags.set(name, inline ?? true);
  }
  return { positionals, flags };
}

export function rejectUnknown(args: ParsedArgs, known: readonly string[]) {
  for (const name of args.flags.keys()) if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
}

export function portFlag(args: ParsedArgs): number | undefined {
  const raw = args.flags.get("port");
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (raw === true || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port takes a whole number from 1 to 65535, got ${String(raw)}`);
  }
  return port;
}

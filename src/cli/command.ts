/** A CLI command: prints JSON on stdout; throws CliError for a clear one-line message on stderr. */
export interface CliCommand {
  name: string;
  /** One line, shown by `help`. */
  usage: string;
  run(args: string[]): Promise<unknown>;
}

/** A command's result that is a file's text (an export), written to stdout as it is rather than as JSON. */
export class RawOutput {
  constructor(readonly text: string) {}
}

export class CliError extends Error {
  constructor(
    message: string,
    /** 1: bad usage or input; 2: the input is valid but not what the command works on (e.g. not an article). */
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

/** Minimal flag parsing: `--name value` pairs and positionals. */
export function parseArgs(args: string[], flags: readonly string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const found = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (!flags.includes(name)) throw new CliError(`unknown option --${name}`);
      const value = inline ?? args[++i];
      if (value === undefined) throw new CliError(`--${name} needs a value`);
      found.set(name, value);
    } else positional.push(a);
  }
  return { positional, flags: found };
}

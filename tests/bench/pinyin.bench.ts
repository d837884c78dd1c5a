/**
 * Pinyin annotation of seed 001 (about 5,600 characters) beside raw pinyin-pro, and the
 * gold-standard syllable accuracy of both (tests/fixtures/pinyin-gold).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { annotate, isHan, scoreAgainstGold, syllablesOf, type GoldDoc } from '../../src/core/pinyin/index.ts';
import { parseSeed } from '../../src/core/seeds.ts';
import type { NodeBenchSuite } from './types.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEED = '001_18db919ca564c70d.txt';
const GOLD = join(ROOT, 'tests/fixtures/pinyin-gold');

const seed = parseSeed(SEED, readFileSync(join(ROOT, 'assets/seeds', SEED), 'utf8'));
const text = [seed.title, ...seed.paragraphs].join('\n');

/** Raw pinyin-pro with dictionary tones, one syllable per Han character (as the gold counts them). */
function rawSyllables(paragraph: string): string[] {
  const raw = pinyin(paragraph, { type: 'array', toneSandhi: false });
  return [...paragraph].flatMap((ch, i) => (isHan(ch) ? [raw[i] ?? ''] : []));
}

/** Syllable accuracy (0…1) on the whole gold standard: ours and raw pinyin-pro's. */
export function goldScores(): { ours: number; raw: number } {
  const docs = readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldDoc);
  return {
    ours: scoreAgainstGold(docs, (p) => syllablesOf(annotate(p))).accuracy,
    raw: scoreAgainstGold(docs, rawSyllables).accuracy,
  };
}

export const suite: NodeBenchSuite = {
  suite: 'pinyin',
  cases: [
    {
      name: 'pinyin: annotate seed 001',
      target: '≤ 50 ms',
      // The first calls build pinyin-pro's matcher and the segmenter's dictionary.
      setup: () => {
        annotate(text);
        pinyin(text, { type: 'array' });
      },
      fn: () => annotate(text),
      baseline: { name: "raw pinyin-pro pinyin(text, { type: 'array' })", fn: () => pinyin(text, { type: 'array' }) },
      runs: 30,
    },
  ],
};

/** Gold-standard accuracy rows for the results table: ours beside raw pinyin-pro's. */
export function extraRows() {
  const { ours, raw } = goldScores();
  const syllables = readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldDoc)
    .reduce((n, d) => n + d.readings.reduce((m, r) => m + r.length, 0), 0);
  return [
    {
      suite: 'pinyin',
      name: `gold-standard syllable accuracy (${syllables} syllables, five seeds)`,
      where: 'node' as const,
      median: ours * 100,
      unit: '%' as const,
      baselineName: 'raw pinyin-pro on the same gold',
      baseline: raw * 100,
      target: '≥ 99.8 %',
      runs: 1,
    },
  ];
}

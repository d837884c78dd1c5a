/**
 * Pinyin annotation of seed 001 (about 5,600 characters) beside raw pinyin-pro, the
 * readings context decides (the polyphone model with the dictionary), and accuracy:
 * CPP's dev split (tests/fixtures/cpp) and the seeds' gold standard
 * (tests/fixtures/pinyin-gold), each beside raw pinyin-pro in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { analyse, annotate, isHan, scoreAgainstGold, syllablesOf, type GoldDoc } from '../../src/core/pinyin/index.ts';
import { contextReadings, type ContextSources } from '../../src/core/pinyin/context.ts';
import { parseCpp, parseMarkedSentences, scoreCpp, type CppItem } from '../support/cpp.ts';
import { syllableToToneMarks } from '../../src/core/dictionary/pinyin-format.ts';
import { loadCliContextSources } from '../../src/cli/polyphone-model.ts';
import { parseSeed } from '../../src/core/seeds.ts';
import type { NodeBenchSuite } from './types.ts';
import { FIREFOX_PATH } from '../../scripts/browser.ts';

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

const sources: ContextSources = await loadCliContextSources();
const paragraphs = [seed.title, ...seed.paragraphs];

/** Syllable accuracy (0…1) on the whole gold standard: the engine as the extension runs it, the first readings alone, and raw pinyin-pro's. */
export function goldScores(): { ours: number; first: number; raw: number } {
  const docs = readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldDoc);
  return {
    ours: scoreAgainstGold(docs, (p) => syllablesOf(annotate(p, { context: contextReadings(p, sources) }))).accuracy,
    first: scoreAgainstGold(docs, (p) => syllablesOf(annotate(p))).accuracy,
    raw: scoreAgainstGold(docs, rawSyllables).accuracy,
  };
}

const CPP = join(ROOT, 'tests/fixtures/cpp');
const cpp = parseCpp(readFileSync(join(CPP, 'dev.sent'), 'utf8'), readFileSync(join(CPP, 'dev.lb'), 'utf8'));

const NEWS = join(ROOT, 'tests/fixtures/news-sentences');
const newsDev = parseMarkedSentences(readFileSync(join(NEWS, 'dev.txt'), 'utf8'));
const newsHeldOut = parseMarkedSentences(readFileSync(join(NEWS, 'heldout.txt'), 'utf8'));

/** The released g2pM model alone, as its authors run it: its reading for a character it covers, pinyin-pro's elsewhere. */
function modelAlone(item: CppItem): string {
  const raw = pinyin(item.text, { type: 'array', toneSandhi: false })[item.at] ?? '';
  const char = item.text[item.at] ?? '';
  if (!sources.model.covers(char)) return raw;
  const p = sources.model.predict([...item.text], [item.at])[0];
  return p ? syllableToToneMarks(p.reading.replace('v', 'u:')) : raw;
}

/**
 * Runs a peer in a process of its own with the sentence files, and parses what it prints.
 * The sentences go through a file: a child reading a large stdin at once can meet EAGAIN.
 */
function inOwnProcess<T>(script: string, sets: Record<string, CppItem[]>, what: string): T {
  const dir = mkdtempSync(join(tmpdir(), 'jiedu-bench-'));
  const input = join(dir, 'sets.json');
  try {
    writeFileSync(input, JSON.stringify(sets));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), input], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`${what} failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Jiedu with Firefox's word cuts (see firefox-segmenter.ts); null where Firefox is not installed. */
function withFirefoxCuts(sets: Record<string, CppItem[]>): { readings: Record<string, string[]>; version: string; texts: number; differ: number; chromiumDiffer: number | null } | null {
  return existsSync(FIREFOX_PATH) ? inOwnProcess('firefox-segmenter.ts', sets, "Jiedu with Firefox's segmenter") : null;
}

/** pinyin-pro with its complete dictionary (see pinyin-pro-complete.ts). */
function completeDictionary(sets: Record<string, CppItem[]>): Record<string, string[]> {
  return inOwnProcess('pinyin-pro-complete.ts', sets, 'pinyin-pro with the complete dictionary');
}

function readingAt(item: CppItem, context?: ReadonlyMap<number, string>): string {
  for (const w of analyse(item.text, { context })) if (w.han && item.at >= w.start && item.at < w.start + w.text.length) return w.syllables[item.at - w.start] ?? '';
  return '';
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
    {
      name: 'pinyin: context readings of seed 001, paragraph by paragraph (the polyphone model over every polyphone, with the dictionary)',
      setup: () => {
        for (const p of paragraphs) contextReadings(p, sources);
      },
      fn: () => {
        for (const p of paragraphs) contextReadings(p, sources);
      },
      baseline: { name: "raw pinyin-pro pinyin(text, { type: 'array' })", fn: () => pinyin(text, { type: 'array' }) },
      runs: 10,
    },
  ],
};

/** Gold-standard accuracy rows for the results table: ours beside raw pinyin-pro's. */
export function extraRows() {
  const { ours, first, raw } = goldScores();
  const rawCpp = scoreCpp(cpp, (it) => pinyin(it.text, { type: 'array', toneSandhi: false })[it.at] ?? '');
  const firstCpp = scoreCpp(cpp, (it) => readingAt(it));
  const oursCpp = scoreCpp(cpp, (it) => readingAt(it, contextReadings(it.text, sources)));
  // The model's trust threshold was chosen on the even lines; the odd ones were not looked at for it.
  const odd = cpp.filter((_, i) => i % 2 === 1);
  const oddOurs = scoreCpp(odd, (it) => readingAt(it, contextReadings(it.text, sources)));
  const oddRaw = scoreCpp(odd, (it) => pinyin(it.text, { type: 'array', toneSandhi: false })[it.at] ?? '');
  const pct = (n: number, total: number) => (100 * n) / total;
  const rawName = 'raw pinyin-pro 3.x on the same sentences';
  const cppRow = (name: string, median: number, baseline: number, target?: string) => ({
    suite: 'pinyin accuracy',
    name,
    where: 'node' as const,
    median,
    unit: '%' as const,
    baselineName: rawName,
    baseline,
    runs: 1,
    ...(target ? { target } : {}),
  });
  const syllables = readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldDoc)
    .reduce((n, d) => n + d.readings.reduce((m, r) => m + r.length, 0), 0);
  const complete = completeDictionary({ cpp, newsDev, newsHeldOut });
  const firefox = withFirefoxCuts({ cpp, newsDev, newsHeldOut });
  /** Score readings given in the items' order (the other process's answer) by each item's place, not by call order. */
  const scoreIndexed = (items: CppItem[], readings: string[] | undefined) => {
    const place = new Map(items.map((it, i) => [it, i] as const));
    return scoreCpp(items, (it) => readings?.[place.get(it) ?? -1] ?? '');
  };
  const news = (items: CppItem[], label: string, target?: string) => {
    const raw = scoreCpp(items, (it) => pinyin(it.text, { type: 'array', toneSandhi: false })[it.at] ?? '').strict;
    const sentences = new Set(items.map((it) => it.text)).size;
    const row = (who: string, n: number, t?: string) =>
      cppRow(`news sentences, ${label} (${items.length} marked readings in ${sentences} sentences, built): ${who}`, pct(n, items.length), pct(raw, items.length), t);
    return [
      row('Jiedu', scoreCpp(items, (it) => readingAt(it, contextReadings(it.text, sources))).strict, target),
      row("g2pM's released model alone", scoreCpp(items, modelAlone).strict),
      row('pinyin-pro with its complete dictionary (@pinyin-pro/data)', scoreIndexed(items, complete[items === newsDev ? 'newsDev' : 'newsHeldOut']).strict),
      ...(firefox ? [row(`Jiedu with Firefox's word cuts (${firefox.version})`, scoreIndexed(items, firefox.readings[items === newsDev ? 'newsDev' : 'newsHeldOut']).strict)] : []),
    ];
  };
  return [
    cppRow(`CPP dev, strict (${cpp.length} sentences, one polyphone each)`, pct(oursCpp.strict, cpp.length), pct(rawCpp.strict, cpp.length), '≥ 97.5 %'),
    cppRow('CPP dev, the neutral tone excused', pct(oursCpp.neutralExcused, cpp.length), pct(rawCpp.neutralExcused, cpp.length)),
    cppRow(`CPP dev, strict, odd lines only (${odd.length}; the threshold was set on the even lines)`, pct(oddOurs.strict, odd.length), pct(oddRaw.strict, odd.length)),
    { ...cppRow('CPP dev, strict, first readings alone (before context)', pct(firstCpp.strict, cpp.length), pct(rawCpp.strict, cpp.length)) },
    cppRow(
      "CPP dev, strict: g2pM's released model alone (its authors' way: the model for the characters it covers, a dictionary elsewhere)",
      pct(scoreCpp(cpp, modelAlone).strict, cpp.length),
      pct(rawCpp.strict, cpp.length),
    ),
    cppRow('CPP dev, strict: pinyin-pro with its complete dictionary (@pinyin-pro/data)', pct(scoreIndexed(cpp, complete.cpp).strict, cpp.length), pct(rawCpp.strict, cpp.length)),
    // The engine is the same code in every browser but for Intl.Segmenter, which Firefox answers differently.
    ...(firefox
      ? [
          cppRow(
            `CPP dev, strict: Jiedu with Firefox's word cuts (${firefox.version}; ${firefox.differ} of the ${firefox.texts} texts segmented are cut differently from Node's cuts, which the other rows use${firefox.chromiumDiffer === null ? '' : `; Chromium's differ from Node's in ${firefox.chromiumDiffer}`})`,
            pct(scoreIndexed(cpp, firefox.readings.cpp).strict, cpp.length),
            pct(rawCpp.strict, cpp.length),
          ),
        ]
      : []),
    ...news(newsHeldOut, 'held out: no rule or lexicon entry was written against them', 'ahead of every peer'),
    ...news(newsDev, 'development set (rules and lexicon were written against it)'),
    {
      suite: 'pinyin accuracy',
      name: `gold-standard syllable accuracy (${syllables} syllables, five seeds), with context readings`,
      where: 'node' as const,
      median: ours * 100,
      unit: '%' as const,
      baselineName: 'raw pinyin-pro on the same gold',
      baseline: raw * 100,
      target: '≥ 99.8 %',
      runs: 1,
    },
    {
      suite: 'pinyin accuracy',
      name: 'gold-standard syllable accuracy, first readings alone (the lexicon and rules were tuned on these seeds)',
      where: 'node' as const,
      median: first * 100,
      unit: '%' as const,
      baselineName: 'raw pinyin-pro on the same gold',
      baseline: raw * 100,
      runs: 1,
    },
  ];
}

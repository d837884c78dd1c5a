/**
 * The word at a point of a sentence, read as the pinyin engine reads it there: what the
 * look-up card puts first and what Save keeps (与 in 稳定与发展 is yǔ "and", not the
 * variant yú; 据 in 据外交部网站消息 is 據 jù "according to").
 *
 * The engine itself (analyse, and the polyphone model's context readings) runs in the
 * caller; this module takes its result as plain data, so it needs neither the model nor
 * the extension.
 */
import type { Dictionary } from './dictionary.ts';
import { entryToSave, groupByReading, type RankOptions, type ReadingGroup, type ReadingHint } from './rank.ts';
import type { DictEntry } from './types.ts';

/** A sentence as the pinyin engine read it. */
export interface SentenceReading {
  sentence: string;
  /** The engine's words (Han words and the runs between them), by start offset. */
  words: readonly { start: number; text: string }[];
  /** Tone-marked reading at each UTF-16 offset of a Han character (context readings laid over the base ones); null elsewhere. */
  syllables: readonly (string | null)[];
}

/** Bounds of the sentence a look-up sends along: enough for the model, small for a message. */
const LOOKUP_CONTEXT_CHARS = { before: 120, after: 120 } as const;
const SENTENCE_END = /[。！？!?；;\n]/;

/**
 * The sentence around offset `at` of a block's text, raw (not folded, so offsets hold), at
 * most LOOKUP_CONTEXT_CHARS on each side, and where `at` falls in it.
 */
export function sentenceForLookup(text: string, at: number): { sentence: string; offset: number } {
  const point = Math.max(0, Math.min(at, text.length));
  const floor = Math.max(0, point - LOOKUP_CONTEXT_CHARS.before);
  const ceiling = Math.min(text.length, point + LOOKUP_CONTEXT_CHARS.after);
  let start = point;
  while (start > floor && !SENTENCE_END.test(text[start - 1] ?? '')) start--;
  let end = point;
  while (end < ceiling && !SENTENCE_END.test(text[end] ?? '')) end++;
  if (end < ceiling) end++;
  return { sentence: text.slice(start, end), offset: point - start };
}

/** The engine's reading of `length` characters from `offset`, when it read every one of them. */
function readingOf(reading: SentenceReading, offset: number, length: number): string | undefined {
  const out: string[] = [];
  for (let i = offset; i < offset + length; i++) {
    const s = reading.syllables[i];
    if (!s) return undefined;
    out.push(s);
  }
  return out.length ? out.join(' ') : undefined;
}

/** The engine's word that holds the `length` characters at `offset` and is longer than they are (历史 around 历). */
function wordAround(reading: Pick<SentenceReading, 'words'>, offset: number, length: number): { start: number; text: string } | undefined {
  return reading.words.find((w) => w.start <= offset && w.start + w.text.length >= offset + length && w.text.length > length);
}

/**
 * The spans [start, end) of the sentence whose readings hintAt reads for the `length`
 * characters at `offset`: theirs, and those of the word around them. A reading that changes
 * nowhere in them changes nothing of the hint.
 */
export function spansReadBy(reading: Pick<SentenceReading, 'words'>, offset: number, length: number): [number, number][] {
  const spans: [number, number][] = [[offset, offset + length]];
  const word = wordAround(reading, offset, length);
  if (word) spans.push([word.start, word.start + word.text.length]);
  return spans;
}

/**
 * What the sentence says about the `length` characters at `offset`: the engine's reading,
 * and, when they are part of a longer word the engine found (历 in 历史, 干 in 干部), the
 * traditional form that word has in the dictionary (歷史 → 歷, 幹部 → 幹).
 */
function hintAt(dict: Dictionary, reading: SentenceReading, offset: number, length: number): ReadingHint {
  const hint: ReadingHint = {};
  const pinyin = readingOf(reading, offset, length);
  if (pinyin) hint.pinyin = pinyin;
  const word = wordAround(reading, offset, length);
  if (word) {
    const entries = dict.lookup(word.text).filter((e) => e.simplified === word.text && e.traditional.length === word.text.length);
    const wordReading = readingOf(reading, word.start, word.text.length);
    const best = groupByReading(entries, wordReading ? { hint: { pinyin: wordReading } } : {})[0]?.entries[0];
    if (best) hint.traditional = best.traditional.slice(offset - word.start, offset - word.start + length);
  }
  return hint;
}

/** How common an entry's traditional form is: the words of the dictionary that begin with it. */
export function commonnessIn(dict: Dictionary): (entry: DictEntry) => number {
  const seen = new Map<string, number>();
  return (entry) => {
    let n = seen.get(entry.traditional);
    if (n === undefined) {
      n = dict.traditionalWordsStartingWith(entry.traditional);
      seen.set(entry.traditional, n);
    }
    return n;
  };
}

/** A word's entries ranked for this sentence, grouped by reading, and the entry Save keeps. */
export function rankInContext(
  dict: Dictionary,
  entries: readonly DictEntry[],
  where: { reading: SentenceReading; offset: number; length: number } | null,
): { groups: ReadingGroup[]; save: DictEntry | null; hint: ReadingHint } {
  const hint = where ? hintAt(dict, where.reading, where.offset, where.length) : {};
  const options: RankOptions = { hint, commonness: commonnessIn(dict) };
  return { groups: groupByReading(entries, options), save: entryToSave(entries, options), hint };
}

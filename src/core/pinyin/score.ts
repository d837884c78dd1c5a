/** Syllable accuracy against a gold standard (tests/fixtures/pinyin-gold). */
import { isHan } from './han.ts';
import type { Segment } from './types.ts';

export interface GoldDoc {
  seed: string;
  /** Title then paragraphs, as parseSeed gives them. */
  text: string[];
  /** For each entry of `text`, the tone-marked reading of each of its Han characters. */
  readings: string[][];
}

interface GoldMismatch {
  paragraph: number;
  /** Index among the paragraph's Han characters. */
  index: number;
  char: string;
  context: string;
  expected: string;
  got: string;
}

export interface GoldScore {
  total: number;
  correct: number;
  /** correct / total, 0…1 */
  accuracy: number;
  mismatches: GoldMismatch[];
}

/** The Han characters of a text, as the gold counts them. */
export function hanChars(text: string): string[] {
  return [...text].filter(isHan);
}

/** One syllable per Han character, from annotate's output. */
export function syllablesOf(segments: Segment[]): string[] {
  return segments.flatMap((s) => (s.pinyin ? s.pinyin.split(' ') : []));
}

/**
 * Score a reader against gold documents. `read` returns one syllable per Han character
 * of the paragraph (as `hanChars` counts them).
 */
export function scoreAgainstGold(docs: GoldDoc[], read: (paragraph: string) => string[]): GoldScore {
  let total = 0;
  let correct = 0;
  const mismatches: GoldMismatch[] = [];
  for (const doc of docs) {
    doc.text.forEach((para, p) => {
      const chars = hanChars(para);
      const gold = doc.readings[p] ?? [];
      if (gold.length !== chars.length) throw new Error(`gold ${doc.seed} paragraph ${p}: ${gold.length} readings for ${chars.length} Han characters`);
      const got = read(para);
      gold.forEach((g, i) => {
        total++;
        const ours = got[i] ?? '';
        if (ours.normalize('NFC') === g.normalize('NFC')) correct++;
        else {
          const start = Math.max(0, i - 5);
          mismatches.push({
            paragraph: p,
            index: i,
            char: chars[i] ?? '',
            context: `${chars.slice(start, i).join('')}【${chars[i] ?? ''}】${chars.slice(i + 1, i + 6).join('')}`,
            expected: g,
            got: ours,
          });
        }
      });
    });
  }
  return { total, correct, accuracy: total ? correct / total : 1, mismatches };
}

/**
 * Tone sandhi of 一 and 不, applied only when asked for.
 *
 * Off by default: the annotation then shows each character's dictionary tone (yī, bù),
 * which is what a learner finds when looking the word up, what the glossary and the
 * exports show, and what stays the same for a word wherever it occurs. Readers who
 * want the spoken form (yí gè, bú shì) turn the option on.
 */
import { toneOf, withTone, stripTone } from './syllable.ts';

const NUMERALS = '〇零一二三四五六七八九十百千万亿两';
/** Before these, 一 is a numeral or ordinal and keeps yī (第一, 统一, 一月, 一是). */
const YI1_PREV = new Set([...('第统唯同划专单逐初' + NUMERALS)]);
const YI1_NEXT = new Set([...('月日号是' + NUMERALS)]);

/**
 * `chars` are the Han characters of the text in order, each with the character that
 * precedes and follows it in the original text ('' at the edges or next to non-Han text,
 * which breaks the phrase).
 */
export function applySandhi(chars: { char: string; syllable: string; prev: string; next: string; nextSyllable: string | null }[]): string[] {
  return chars.map(({ char, syllable, prev, next, nextSyllable }) => {
    if (nextSyllable === null) return syllable;
    const nextTone = toneOf(nextSyllable);
    if (char === '不' && stripTone(syllable) === 'bu') return nextTone === 4 ? withTone('bu', 2) : withTone('bu', 4);
    if (char === '一' && stripTone(syllable) === 'yi') {
      if (YI1_PREV.has(prev) || YI1_NEXT.has(next)) return syllable;
      if (nextTone === 4) return withTone('yi', 2);
      if (nextTone === 5) return syllable;
      return withTone('yi', 4);
    }
    return syllable;
  });
}

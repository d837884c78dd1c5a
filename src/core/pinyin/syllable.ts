/**
 * Tone handling for single syllables. Readings are kept with tone marks inside the
 * pipeline (that is what pinyin-pro gives and what the lexicon is written in) and
 * converted only at the end.
 */
import type { ToneStyle } from './types.ts';

const MARKED: Record<string, [string, 1 | 2 | 3 | 4]> = {};
for (const [base, marks] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěè'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['ü', 'ǖǘǚǜ'],
  ['n', 'ńňǹ'], // ń/ň/ǹ (嗯) carry tones 2–4 only
  ['m', 'ḿ'], // ḿ (呣) tone 2
] as const) {
  const tones: (1 | 2 | 3 | 4)[] = base === 'n' ? [2, 3, 4] : base === 'm' ? [2] : [1, 2, 3, 4];
  [...marks].forEach((ch, k) => {
    MARKED[ch] = [base, tones[k] ?? 1];
  });
}

/** Tone of a syllable written with marks or digits: 1–4, or 5 for the neutral tone. */
export function toneOf(syllable: string): 1 | 2 | 3 | 4 | 5 {
  const digit = /([0-5])$/.exec(syllable)?.[1];
  if (digit !== undefined) return digit === '0' || digit === '5' ? 5 : (Number(digit) as 1 | 2 | 3 | 4);
  for (const ch of syllable.normalize('NFC')) {
    const m = MARKED[ch];
    if (m) return m[1];
  }
  return 5;
}

/** The syllable without its tone: letters only (ü kept). */
export function stripTone(syllable: string): string {
  let out = '';
  for (const ch of syllable.normalize('NFC').replace(/[0-5]$/, '')) out += MARKED[ch]?.[0] ?? ch;
  return out;
}

const TABLE: Record<string, string> = { a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' };

/** Put tone `tone` (1–5) on a bare syllable by the standard placement rule. */
export function withTone(bare: string, tone: number): string {
  if (tone < 1 || tone > 4) return bare;
  // a or e always takes the mark; in "ou" the o does; otherwise the last vowel.
  let at = bare.search(/[ae]/);
  if (at < 0) at = bare.indexOf('ou');
  if (at < 0) {
    for (let k = bare.length - 1; k >= 0; k--) {
      if ('iouü'.includes(bare[k] ?? '')) {
        at = k;
        break;
      }
    }
  }
  const v = bare[at];
  const row = v === undefined ? undefined : TABLE[v];
  if (at < 0 || row === undefined) return bare;
  return bare.slice(0, at) + (row[tone - 1] ?? v) + bare.slice(at + 1);
}

/** Write a tone-marked syllable in the requested style. */
export function formatSyllable(marked: string, style: ToneStyle): string {
  if (style === 'mark') return marked;
  const bare = stripTone(marked);
  return style === 'none' ? bare : `${bare}${toneOf(marked)}`;
}

/**
 * CC-CEDICT pinyin (numbered tones, `u:` for ü, `5` for the neutral tone) to
 * tone-marked pinyin. pinyin-pro's `convert` is not used: it leaves `de5` alone
 * and turns `nu:3` into `nǔ:`.
 *
 * Placement (the standard rule): a or e takes the mark; in "ou" the o does;
 * otherwise the last vowel. Syllables without a vowel (m, n, ng, hm, hng, r)
 * put it on the m or n; erhua `r5` stays `r`.
 */

import { formatSyllable } from '../pinyin/syllable.ts';
import type { ToneStyle } from '../pinyin/types.ts';

/** Combining marks for tones 1–4; index 0 and 5 mean no mark. */
const COMBINING = ['', '\u0304', '\u0301', '\u030c', '\u0300', ''] as const;

/** One numbered syllable: letters (with u: / v / ü / e^ / ê), then a tone digit. */
const NUMBERED_SYLLABLE = /^([A-Za-z]*(?:(?:u:|U:|v|V|ü|Ü|e\^|E\^|ê|Ê)[A-Za-z]*)*)([1-5])$/;

function normaliseLetters(letters: string): string {
  return (
    letters
      .replace(/u:/g, 'ü')
      .replace(/U:/g, 'Ü')
      .replace(/e\^/g, 'ê')
      .replace(/E\^/g, 'Ê')
      // "v" stands for ü only after l and n (lv4, nve4); elsewhere it is a real letter.
      .replace(/([lnLN])v/g, '$1ü')
      .replace(/([lnLN])V/g, '$1Ü')
  );
}

function markIndex(letters: string): number {
  const lower = letters.toLowerCase();
  const a = lower.indexOf('a');
  if (a >= 0) return a;
  const e = lower.search(/[eê]/);
  if (e >= 0) return e;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i]!)) return i;
  // Syllabic nasals: m (呣 m2), n (嗯 n2), ng (嗯 ng2), hm, hng.
  const nasal = lower.search(/[mn]/);
  return nasal;
}

/**
 * One syllable, e.g. "lu:e4" → "lüè", "Lu:3" → "Lǚ", "de5" → "de", "r5" → "r".
 * Anything that is not a numbered syllable ("A", "·", ",", "xx") is returned unchanged.
 */
export function syllableToToneMarks(syllable: string): string {
  const m = NUMBERED_SYLLABLE.exec(syllable);
  if (!m) return syllable.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const letters = normaliseLetters(m[1]!);
  const tone = Number(m[2]);
  if (letters === '') return syllable;
  const mark = COMBINING[tone] ?? '';
  // Neutral tone: no mark, the digit goes (de5 → de, r5 → r, xx5 → xx).
  if (!mark) return letters;
  const at = markIndex(letters);
  // Nothing to carry a mark ("F1"): not pinyin, leave it as written.
  if (at < 0) return syllable;
  // NFC folds the combining mark into a precomposed letter where one exists (ǘ, ń, ḿ); m̄ has none and keeps it.
  return (letters.slice(0, at + 1) + mark + letters.slice(at + 1)).normalize('NFC');
}

/** Syllables run together inside a word ("qi1yan2", "lu:4shi1"): each ends at its tone digit. */
const GLUED_SYLLABLE = /[A-Za-zÜüÊê:^]+[1-5]/g;

/**
 * A whole CEDICT pinyin string: "wai4 jiao1" → "wài jiāo", "nu:3 er2" → "nǚ ér".
 * Spacing and punctuation (",", "·", "-") are kept as they are.
 */
export function numberedToToneMarks(pinyin: string): string {
  return pinyin
    .split(' ')
    .map((token) => {
      if (NUMBERED_SYLLABLE.test(token)) return syllableToToneMarks(token);
      // Several syllables written together ("qi1yan2"), or a syllable glued to punctuation.
      if (/[1-5]/.test(token)) return token.replace(GLUED_SYLLABLE, (syl) => syllableToToneMarks(syl));
      return token.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
    })
    .join(' ');
}

/**
 * Pinyin in square brackets inside a gloss, as CEDICT writes cross-references:
 * "abbr. for 七言律詩|七言律诗[qi1yan2 lu:4shi1]" → "…[qīyán lǜshī]".
 * Brackets that do not hold numbered pinyin ("[sic]", "[Tw]") are left alone.
 */
export function markBracketedPinyin(gloss: string): string {
  if (!gloss.includes('[')) return gloss;
  return gloss.replace(/\[([A-Za-z1-5:^ ,·'-]+)\]/g, (whole, inner: string) => (/[A-Za-z:][1-5]/.test(inner) ? `[${numberedToToneMarks(inner)}]` : whole));
}

/**
 * A tone-marked syllable in a tone style, its capital kept: "Lǐ" → "Li3" (numbers, 5 for the
 * neutral tone as CC-CEDICT writes it) or "Li" (none).
 */
export function syllableInStyle(syllable: string, tone: ToneStyle): string {
  const nfc = syllable.normalize('NFC');
  const lower = nfc.toLowerCase();
  const out = formatSyllable(lower, tone);
  return nfc !== lower ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** Tone-marked pinyin, a syllable per space, in a tone style ("fǎng wèn" → "fang3 wen4"); anything that is not a syllable stays. */
export function pinyinInStyle(pinyin: string, tone: ToneStyle): string {
  if (tone === 'mark') return pinyin;
  return (
    pinyin
      .split(' ')
      // A capital inside a token (OK, DNA) marks letters, not a syllable.
      .map((s) => (/^\p{L}\p{Ll}*$/u.test(s) ? syllableInStyle(s, tone) : s))
      .join(' ')
  );
}

/**
 * The glossary's pinyin orthography, and helpers to take it apart again.
 *
 * Rules (after GB/T 16159-2012, the basic rules of Hanyu Pinyin orthography,
 * which ABC and Pleco also follow):
 *  1. Dictionary form: every syllable carries its citation tone, with no tone
 *     sandhi (一带一路 yī, 不干涉 bù); a neutral tone is left unmarked only where
 *     the word has one in the dictionary (的 de).
 *  2. Syllables of one word are written together; words are separated by one
 *     space: "quánmiàn zhànlüè hézuò huǒbàn guānxì".
 *  3. A syllable beginning with a, o or e that follows another syllable in the
 *     same word takes an apostrophe: Xī'ān, kǒu'àn, Bié'ěrdé…
 *  4. Four-character idioms that fall into two two-syllable halves take a
 *     hyphen (xīngfēng-zuòlàng); those that do not are written as one word
 *     (shǐzuòyǒngzhě). Abbreviated pairs of country names are hyphenated too
 *     (Zhōng-Tǎ, Zhōng-Ōu, Měi-Xīfāng).
 *  5. Proper nouns are capitalised: Chinese personal names as surname and
 *     given name (Xí Jìnpíng); transliterated foreign names as one word
 *     (Mùhèlǐdīng); each word of a place or institution name (Shànghǎi Hézuò
 *     Zǔzhī). Everything else is lower case.
 *  6. Punctuation inside a term is carried over in ASCII form (、，→ ",",
 *     ：→ ":", — － → "–"); "·" and "+" stay as they are.
 * ü is written ü (never v or u:).
 */
import { HAN_SCRIPT } from '../han-script.ts';

const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/g;

/** The Han characters of a term, one per code point (so rare characters outside the BMP count once). */
export function hanCharacters(term: string): string[] {
  return Array.from(term).filter((ch) => HAN_SCRIPT.test(ch));
}

/** Drops the four tone marks but keeps ü. */
export function stripTones(pinyin: string): string {
  return pinyin.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/**
 * Letters only, lower case, for comparing pinyin typed in any spacing:
 * "Shànghé Zǔzhī" → "shànghézǔzhī" (or "shanghezuzhi" without tones).
 * ü is folded to v because that is how people type it.
 */
export function compactPinyin(pinyin: string, options: { tones: boolean } = { tones: false }): string {
  const s = options.tones ? pinyin.normalize('NFC') : stripTones(pinyin);
  return s
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^\p{L}]/gu, '');
}

export interface Alignment {
  /** One syllable per Han character, as written in the entry (case kept). */
  syllables: string[];
  /** Indices of syllables that start with a, o or e and follow another syllable with no separator (rule 3 broken). */
  missingApostrophes: number[];
}

const isSeparator = (ch: string): boolean => !/\p{L}/u.test(ch);
const startsWithVowel = (syllable: string): boolean => /^[aoeāáǎàōóǒòēéěè]/i.test(syllable.normalize('NFC'));

/**
 * Splits an entry's pinyin into one syllable per Han character, guided by the
 * possible readings of each character. Joined syllables ("zhànlüè") cannot be
 * split reliably without knowing the characters, so the readings decide.
 * A syllable with no tone mark is accepted when it is the toneless form of a
 * reading (the neutral tone). Returns null when no split exists, i.e. the
 * syllable count is wrong or some syllable is not a reading of its character.
 */
export function alignPinyin(term: string, pinyin: string, readingsOf: (char: string) => readonly string[]): Alignment | null {
  const chars = hanCharacters(term);
  const text = pinyin.normalize('NFC');
  const lower = text.toLowerCase();
  const candidates = chars.map((ch) => {
    const set = new Set<string>();
    for (const r of readingsOf(ch)) {
      const reading = r.normalize('NFC').toLowerCase();
      set.add(reading);
      set.add(stripTones(reading));
    }
    // Longest first, so that "xiān" is tried before "xī" + "ān".
    return [...set].sort((a, b) => b.length - a.length);
  });

  const found: { start: number; end: number }[] = [];
  const walk = (k: number, pos: number): boolean => {
    let p = pos;
    while (p < lower.length && isSeparator(lower[p] ?? '')) p++;
    if (k === chars.length) return p === lower.length;
    for (const c of candidates[k] ?? []) {
      if (!lower.startsWith(c, p)) continue;
      found.push({ start: p, end: p + c.length });
      if (walk(k + 1, p + c.length)) return true;
      found.pop();
    }
    return false;
  };
  if (!walk(0, 0)) return null;

  const syllables = found.map(({ start, end }) => text.slice(start, end));
  const missingApostrophes: number[] = [];
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1];
    const cur = found[i];
    if (prev && cur && prev.end === cur.start && startsWithVowel(syllables[i] ?? '')) missingApostrophes.push(i);
  }
  return { syllables, missingApostrophes };
}

/**
 * The one pinyin form of a saved word: one syllable per Han character, separated by single
 * spaces, in the reader's tone style (tone marks by default, "fǎng wèn"; tone digits with
 * 5 for the neutral tone, "fang3 wen4", as CC-CEDICT writes them; or bare letters),
 * capitals kept where the source capitalises a proper noun ("Yī dài Yī lù").
 *
 * CC-CEDICT entries are in that form already; glossary terms are written by word
 * ("yìmiáo", "xīngfēng-zuòlàng") and are split back into syllables with the characters'
 * readings. A word that cannot be split (its pinyin does not fit its characters) keeps
 * its pinyin as written.
 */
import { pinyin as readingsOfText } from 'pinyin-pro';
import { alignPinyin, hanCharacters } from '../glossary/pinyin-form.ts';
import { syllableInStyle } from './pinyin-format.ts';
import type { ToneStyle } from '../pinyin/types.ts';

function readingsOf(ch: string): readonly string[] {
  return readingsOfText(ch, { multiple: true, type: 'array' });
}

/** The syllables of `pinyin`, one per Han character of `word`, or null when they do not fit. */
function syllablesOf(word: string, pinyin: string): string[] | null {
  const chars = hanCharacters(word);
  if (chars.length === 0 || chars.length !== Array.from(word).length) return null;
  const spaced = pinyin.normalize('NFC').trim().split(/\s+/);
  if (spaced.length === chars.length && spaced.every((s) => /^\p{L}+$/u.test(s))) return spaced;
  return alignPinyin(word, pinyin, readingsOf)?.syllables ?? null;
}

/** `pinyin` of `word` in the saved form, in tone style `tone`. */
export function savedPinyin(word: string, pinyin: string, tone: ToneStyle = 'mark'): string {
  const syllables = syllablesOf(word, pinyin);
  if (!syllables) return pinyin.normalize('NFC').trim();
  return syllables.map((s) => syllableInStyle(s, tone)).join(' ');
}

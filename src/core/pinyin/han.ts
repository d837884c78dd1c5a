/**
 * Which characters get a reading. A character counts as Han when it is in the Han
 * script, in the Basic Multilingual Plane, not an iteration mark or radical, and
 * pinyin-pro knows a reading for it; everything else (including CJK Extension B and
 * later, which pinyin-pro passes through unread) is left as plain text.
 */
import { pinyin } from 'pinyin-pro';
import { HAN_SCRIPT } from '../han-script.ts';

const known = new Map<string, boolean>();

/** A syllable as pinyin-pro writes it with tone marks. */
const SYLLABLE = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+$/;

/** Per UTF-16 unit of the BMP: 0 not yet asked, 1 Han, 2 not. Text is classified a unit at a time. */
const bmp = new Uint8Array(0x10000);

/** isHan for one UTF-16 code unit (a surrogate half is never Han: Han beyond the BMP is left unread). */
export function isHanUnit(code: number): boolean {
  let k = bmp[code] ?? 0;
  if (k === 0) {
    k = isHan(String.fromCharCode(code)) ? 1 : 2;
    bmp[code] = k;
  }
  return k === 1;
}

export function isHan(ch: string): boolean {
  let k = known.get(ch);
  if (k === undefined) {
    const cp = ch.codePointAt(0) ?? 0;
    k =
      ch.length === 1 &&
      HAN_SCRIPT.test(ch) &&
      // radicals and iteration/closing marks are in the Han script but are not words
      !(cp >= 0x2e80 && cp <= 0x2fdf) &&
      cp !== 0x3005 &&
      cp !== 0x3006 &&
      cp !== 0x303b &&
      SYLLABLE.test(pinyin(ch, { toneSandhi: false }));
    known.set(ch, k);
  }
  return k;
}

/**
 * nfc() skips normalize() for text it judges NFC already; here it is held against the engine's
 * own normalize() for every BMP character, alone and beside the characters that combine or
 * reorder (marks of other combining classes, the kana voiced-sound marks, starters they join).
 */
import { describe, expect, it } from 'vitest';
import { nfc } from '../../../../src/core/export/common.ts';

const NEIGHBOURS = ['a', 'e', 'u', 'か', 'は', 'ウ', '中', '\u1100', '\u0301', '\u0334', '\u302a', '\u302b', '\u302e', '\u3099', '\u309a'];

describe('nfc', () => {
  it('gives what normalize("NFC") gives, for every BMP character alone and beside others', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const x = String.fromCharCode(c);
      for (const s of [x, x + x, ...NEIGHBOURS.flatMap((n) => [n + x, x + n])]) {
        if (nfc(s) !== s.normalize('NFC')) wrong.push(s);
      }
    }
    expect(wrong.map((s) => [...s].map((ch) => ch.codePointAt(0)!.toString(16)).join('+'))).toEqual([]);
  });

  it('normalizes what needs it, in news text too', () => {
    expect(nfc('e\u0301')).toBe('é');
    expect(nfc('\uf900')).toBe('\u8c48');
    expect(nfc('外交部“发言人”表示：中方——愿同各方…… wài jiāo')).toBe('外交部“发言人”表示：中方——愿同各方…… wài jiāo');
    expect(nfc('ü\u0300 lu\u0308\u0300')).toBe('ǜ lǜ');
  });
});

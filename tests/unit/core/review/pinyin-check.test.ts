/** Typed pinyin checked syllable by syllable, tone errors told apart from wrong syllables. */
import { describe, expect, it } from 'vitest';
import { checkPinyin, parseTyped } from '../../../../src/core/review/pinyin-check.ts';

const verdicts = (expected: string, typed: string) => checkPinyin(expected, typed).syllables.map((s) => s.verdict);

describe('pinyin check', () => {
  it('accepts tone numbers, tone marks, with or without spaces', () => {
    for (const typed of ['wai4 jiao1', 'wai4jiao1', 'wàijiāo', 'wài jiāo', 'WAI4JIAO1', "wai4'jiao1"]) expect(checkPinyin('wài jiāo', typed).correct, typed).toBe(true);
    expect(checkPinyin('wai4 jiao1', 'wàijiāo').correct).toBe(true);
  });

  it('shows a tone error as a tone error, syllable by syllable', () => {
    const c = checkPinyin('wài jiāo', 'wai4jiao4');
    expect(c.correct).toBe(false);
    expect(c.toneErrors).toBe(1);
    expect(c.syllables).toEqual([
      { expected: 'wài', typed: 'wai4', verdict: 'right' },
      { expected: 'jiāo', typed: 'jiao4', verdict: 'tone' },
    ]);
    // No tone typed where one is expected is a tone error too.
    expect(verdicts('wài jiāo', 'wai jiao')).toEqual(['tone', 'tone']);
  });

  it('tells wrong, missing and extra syllables apart', () => {
    expect(verdicts('rén mín bì', 'ren2 min2')).toEqual(['right', 'right', 'missing']);
    expect(verdicts('rén mín', 'ren2 ming2')).toEqual(['right', 'wrong']);
    expect(verdicts('rén', 'ren2 min2')).toEqual(['right', 'extra']);
  });

  it('reads ü as v or u:, and takes the neutral tone as 5, 0 or nothing', () => {
    expect(checkPinyin('lǜ shī', 'lv4shi1').correct).toBe(true);
    expect(checkPinyin('lǜ shī', 'lu:4 shi1').correct).toBe(true);
    expect(checkPinyin('rèn shi', 'ren4shi').correct).toBe(true);
    expect(checkPinyin('rèn shi', 'ren4shi5').correct).toBe(true);
    expect(checkPinyin('ren4 shi5', 'ren4shi0').correct).toBe(true);
    expect(checkPinyin('rèn shi', 'ren4shi4').correct).toBe(false);
  });

  it('cuts run-together syllables as the word expects them (xi an, not xian)', () => {
    expect(verdicts('Xī ān', 'xi1an1')).toEqual(['right', 'right']);
    expect(checkPinyin('Xī ān', 'xīān').correct).toBe(true);
    expect(parseTyped('zhongguo')).toEqual([
      { letters: 'zhong', tone: null },
      { letters: 'guo', tone: null },
    ]);
  });

  it('does not check tones against a word stored without them', () => {
    expect(checkPinyin('wai jiao', 'wai4 jiao2').correct).toBe(true);
    expect(checkPinyin('wai jiao', 'wei jiao').correct).toBe(false);
  });

  it('empty input leaves every syllable missing', () => {
    expect(verdicts('wài jiāo', '   ')).toEqual(['missing', 'missing']);
  });
});

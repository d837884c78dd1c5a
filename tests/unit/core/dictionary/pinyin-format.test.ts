import { describe, expect, it } from 'vitest';
import { markBracketedPinyin, numberedToToneMarks, syllableToToneMarks } from '../../../../src/core/dictionary/pinyin-format.ts';

describe('one syllable', () => {
  it.each([
    // a or e takes the mark
    ['ma1', 'mā'],
    ['hao3', 'hǎo'],
    ['xie4', 'xiè'],
    ['lei2', 'léi'],
    ['zhuang4', 'zhuàng'],
    ['guan1', 'guān'],
    ['xian1', 'xiān'],
    // ou: the o
    ['dou1', 'dōu'],
    ['zhou1', 'zhōu'],
    ['Ou1', 'Ōu'],
    ['you3', 'yǒu'],
    // otherwise the last vowel
    ['xiong2', 'xióng'],
    ['gui4', 'guì'],
    ['liu2', 'liú'],
    ['dui4', 'duì'],
    ['huo3', 'huǒ'],
    ['shi4', 'shì'],
    ['er2', 'ér'],
    ['zhu1', 'zhū'],
    // ü, written u: (CC-CEDICT) or v
    ['nu:3', 'nǚ'],
    ['lu:4', 'lǜ'],
    ['lu:e4', 'lüè'],
    ['nu:e4', 'nüè'],
    ['Lu:3', 'Lǚ'],
    ['Lu:e4', 'Lüè'],
    ['lv4', 'lǜ'],
    ['nve4', 'nüè'],
    ['lu:5', 'lü'],
    // ü written plain u after j q x y stays u
    ['ju4', 'jù'],
    ['que4', 'què'],
    ['xue2', 'xué'],
    ['yue4', 'yuè'],
    ['yun2', 'yún'],
    // neutral tone: no mark
    ['de5', 'de'],
    ['me5', 'me'],
    ['zi5', 'zi'],
    ['r5', 'r'],
    ['xx5', 'xx'],
    // syllabic nasals
    ['m2', 'ḿ'],
    ['n2', 'ń'],
    ['n3', 'ň'],
    ['n4', 'ǹ'],
    ['ng2', 'ńg'],
    ['hm5', 'hm'],
    ['hng5', 'hng'],
    ['m1', 'm\u0304'],
    // capitals keep their case
    ['Zhong1', 'Zhōng'],
    ['A1', 'Ā'],
    ['E2', 'É'],
    // ê
    ['e^2', 'ế'],
    ['E^1', 'Ê\u0304'],
    // not pinyin: unchanged
    ['A', 'A'],
    ['K', 'K'],
    ['·', '·'],
    [',', ','],
    ['F1', 'F1'],
  ])('%s → %s', (numbered, marked) => {
    expect(syllableToToneMarks(numbered)).toBe(marked);
  });

  it('gives precomposed letters (NFC) where Unicode has them', () => {
    for (const s of ['lu:e4', 'nu:3', 'xiong2', 'm2', 'ng2']) {
      const out = syllableToToneMarks(s);
      expect(out).toBe(out.normalize('NFC'));
      expect(out.normalize('NFD').length).toBeGreaterThan(out.length - 1);
    }
    expect([...syllableToToneMarks('lu:e4')]).toHaveLength(3);
  });
});

describe('a whole CC-CEDICT reading', () => {
  it.each([
    ['wai4 jiao1', 'wài jiāo'],
    ['guan1 xi5', 'guān xi'],
    ['nu:3 er2', 'nǚ ér'],
    ['yi1 hui4 r5', 'yī huì r'],
    ['Xi1 an1', 'Xī ān'],
    ['ka3 la1 O K', 'kǎ lā O K'],
    ['A A zhi4', 'A A zhì'],
    ['Mai4 ke4 · Jie2 ke4 xun4', 'Mài kè · Jié kè xùn'],
    ['yi1 , er4', 'yī , èr'],
    ['zhan4 lu:e4', 'zhàn lüè'],
    // several syllables written together, as in CEDICT cross-references
    ['qi1yan2 lu:4shi1', 'qīyán lǜshī'],
  ])('%s → %s', (numbered, marked) => {
    expect(numberedToToneMarks(numbered)).toBe(marked);
  });

  it('does better than pinyin-pro on the cases it gets wrong', async () => {
    const { convert } = await import('pinyin-pro');
    expect(convert('de5')).toBe('de5');
    expect(numberedToToneMarks('de5')).toBe('de');
    expect(convert('nu:3')).not.toBe('nǚ');
    expect(numberedToToneMarks('nu:3')).toBe('nǚ');
  });
});

describe('pinyin inside glosses', () => {
  it('marks bracketed cross-references and leaves other brackets alone', () => {
    expect(markBracketedPinyin('abbr. for 七言律詩|七言律诗[qi1yan2 lu:4shi1]')).toBe('abbr. for 七言律詩|七言律诗[qīyán lǜshī]');
    expect(markBracketedPinyin('CL:個|个[ge4]')).toBe('CL:個|个[gè]');
    expect(markBracketedPinyin('see 關係|关系[guan1 xi5]')).toBe('see 關係|关系[guān xi]');
    expect(markBracketedPinyin('percent (Tw) [sic]')).toBe('percent (Tw) [sic]');
    expect(markBracketedPinyin('Taiwanese [tsit-á]')).toBe('Taiwanese [tsit-á]');
    expect(markBracketedPinyin('no brackets')).toBe('no brackets');
  });
});

describe("pinyin in the reader's tone style", () => {
  it('writes tone-marked pinyin with numbers or bare, capitals kept', async () => {
    const { pinyinInStyle } = await import('../../../../src/core/dictionary/pinyin-format.ts');
    expect(pinyinInStyle('fǎng wèn', 'mark')).toBe('fǎng wèn');
    expect(pinyinInStyle('fǎng wèn', 'number')).toBe('fang3 wen4');
    expect(pinyinInStyle('péng you', 'number')).toBe('peng2 you5');
    expect(pinyinInStyle('Lǐ', 'number')).toBe('Li3');
    expect(pinyinInStyle('Ōu zhōu', 'none')).toBe('Ou zhou');
    expect(pinyinInStyle('nǚ ér', 'number')).toBe('nü3 er2');
    expect(pinyinInStyle('kǎ lā OK', 'number')).toBe('ka3 la1 OK');
  });
});

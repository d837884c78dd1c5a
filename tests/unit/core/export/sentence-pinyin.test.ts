import { describe, expect, it } from 'vitest';
import { sentencePinyin } from '../../../../src/core/export/sentence-pinyin.ts';

describe('sentence pinyin for a card', () => {
  it('reads each Han word in the tone style asked for, punctuation kept in place', () => {
    expect(sentencePinyin('中方愿同各方加强沟通。')).toBe('zhōng fāng yuàn tóng gè fāng jiā qiáng gōu tōng。');
    expect(sentencePinyin('中方愿同各方加强沟通。', { tone: 'number' })).toBe('zhong1 fang1 yuan4 tong2 ge4 fang1 jia1 qiang2 gou1 tong1。');
    expect(sentencePinyin('G20峰会，在北京', { tone: 'none' })).toBe('G20 feng hui, zai bei jing'.replace(',', '，'));
  });

  it('gives the same reading when asked again, in the style asked for each time (readings are kept by style)', () => {
    const s = '外交部发言人表示，中方愿同各方加强沟通。';
    const marks = sentencePinyin(s);
    const numbers = sentencePinyin(s, { tone: 'number' });
    expect(numbers).not.toBe(marks);
    expect(sentencePinyin(s)).toBe(marks);
    expect(sentencePinyin(s, { tone: 'number' })).toBe(numbers);
    expect(sentencePinyin(s, { tone: 'number', neutral: 'citation' })).toBe(numbers);
  });
});

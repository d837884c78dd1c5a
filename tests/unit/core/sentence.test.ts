import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, sentenceAround } from '../../../src/core/sentence.ts';

describe('sentenceAround', () => {
  const text = '王毅表示，中方视土方为真正可靠的战略伙伴。在两国元首战略引领下，中土关系始终保持良好发展势头！双方同意；';
  it('gives the sentence holding an offset, with its closing mark', () => {
    expect(sentenceAround(text, text.indexOf('战略伙伴'))).toBe('王毅表示，中方视土方为真正可靠的战略伙伴。');
    expect(sentenceAround(text, text.indexOf('良好'))).toBe('在两国元首战略引领下，中土关系始终保持良好发展势头！');
    expect(sentenceAround(text, text.length)).toBe('');
    expect(sentenceAround('没有句号的一段话', 3)).toBe('没有句号的一段话');
  });

  it('keeps a sentence of bounded length in text with no sentence marks', () => {
    const long = '中'.repeat(5000);
    const s = sentenceAround(long, 2500);
    expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(s.length).toBeGreaterThan(MAX_SENTENCE_CHARS - 5);
  });
});

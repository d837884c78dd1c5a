import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/core/article.ts';

describe('contentHash', () => {
  it('is pinned: stored articles compare their hash with a revisit', () => {
    expect(contentHash('王毅访问塔吉克斯坦', ['据外交部网站消息。', '双方举行会谈。'])).toBe('cb6c6463876dad50');
    expect(contentHash('', [])).toBe('4587b8c062c23677');
  });

  it('separates the parts', () => {
    expect(contentHash('ab', ['c'])).toBe('77010fd27538de2e');
    expect(contentHash('a', ['bc'])).toBe('b6492e1d9659c507');
  });
});

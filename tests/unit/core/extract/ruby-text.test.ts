import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/core/extract/index.ts';
import { annotateDom } from '../../../../src/core/pinyin/ruby.ts';

describe('reading a page that carries pinyin', () => {
  it('extracts the same text with ruby annotation on as off', () => {
    const html = readFileSync(new URL('../../../fixtures/real-pages/xinhua-2.html', import.meta.url), 'utf8');
    const url = 'http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm';
    const { document } = parseHTML(html);
    const before = extractArticle(document as unknown as Document, url, { now: new Date('2026-01-01T00:00:00Z') });
    const handle = annotateDom((document as unknown as Document).body);
    expect(handle.count).toBeGreaterThan(10);
    const after = extractArticle(document as unknown as Document, url, { now: new Date('2026-01-01T00:00:00Z') });
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) {
      expect(after.article.title).toBe(before.article.title);
      expect(after.article.paragraphs).toEqual(before.article.paragraphs);
    }
  });
});

import { contentHash, countChars, type ArticleRecord } from '../../src/core/article.ts';

/** A valid article record, built here for tests (not from a page). */
export function sampleArticle(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  const paragraphs = overrides.paragraphs ?? ['王毅在杜尚别同塔外长穆赫里丁举行会谈。', '双方就阿富汗局势深入交换了意见。'];
  const title = overrides.title ?? '王毅访问塔吉克斯坦';
  return {
    url: 'https://www.guancha.cn/internation/2021_07_14_598420_s.shtml',
    site: 'guancha',
    layout: 'guancha-www',
    title,
    publishedAt: '2021-07-14T18:27:19+08:00',
    updatedAt: null,
    authors: [],
    source: '观察者网',
    editor: null,
    tags: ['王毅'],
    paragraphs,
    bold: [],
    images: [{ src: 'https://i.guancha.cn/a.jpg', caption: '' }],
    language: 'zh-Hans',
    charCount: countChars(paragraphs),
    partial: null,
    extractedAt: '2026-11-21T00:00:00.000Z',
    extractor: 'jiedu/guancha-www',
    extractorVersion: '1',
    contentHash: contentHash(title, paragraphs),
    ...overrides,
  };
}

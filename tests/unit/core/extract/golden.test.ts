/** Real pages against hand-checked goldens (tests/fixtures/golden, written by scripts/golden.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { contentHash, countChars } from '../../../../src/core/article.ts';
import { parsePage } from '../../../../src/cli/html.ts';
import { detectFromUrl, extractArticle, EXTRACTOR_VERSION } from '../../../../src/core/extract/index.ts';
import type { Golden } from '../../../../scripts/golden.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const GOLDEN = join(ROOT, 'tests/fixtures/golden');
const PAGES = join(ROOT, 'tests/fixtures/real-pages');

const goldens = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')) as Golden);

const NOW = new Date('2025-03-01T04:00:00Z');

describe('real pages', () => {
  it('every real page has a golden', () => {
    const pages = readdirSync(PAGES).filter((f) => f.endsWith('.html'));
    expect(goldens.map((g) => g.page).sort()).toEqual(pages.sort());
  });

  it.each(goldens.map((g) => [g.page, g] as const))('%s matches its golden', (_p, g) => {
    // Bytes decoded and parsed as a browser would (some pages are GB2312, some misnested): as the CLI reads them.
    const document = parsePage(readFileSync(join(PAGES, g.page)));
    const det = detectFromUrl(g.url);
    expect(det).toMatchObject({ kind: 'article', site: g.site, canonicalUrl: g.canonicalUrl });
    const out = extractArticle(document, g.url, { now: NOW });
    if (!out.ok) throw new Error(out.message);
    const a = out.article;
    expect(a.url).toBe(g.canonicalUrl);
    expect(a.site).toBe(g.site);
    expect(a.layout).toBe(g.layout);
    expect(a.extractor).toBe(`jiedu/${g.layout}`);
    expect(a.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(a.title).toBe(g.title);
    expect(a.publishedAt).toBe(g.publishedAt);
    expect(a.updatedAt).toBe(g.updatedAt);
    expect(a.source).toBe(g.source);
    expect(a.authors).toEqual(g.authors);
    expect(a.editor).toBe(g.editor);
    expect(a.tags).toEqual(g.tags);
    expect(a.paragraphs).toHaveLength(g.paragraphCount);
    expect(a.paragraphs[0]).toBe(g.firstParagraph);
    expect(a.paragraphs.at(-1)).toBe(g.lastParagraph);
    expect(a.images).toEqual(g.images);
    expect(a.partial).toEqual(g.partial);
    expect(a.language).toBe(g.language ?? 'zh-Hans');
    expect(a.extractedAt).toBe(NOW.toISOString());
    expect(a.charCount).toBe(countChars(a.paragraphs));
    expect(a.contentHash).toBe(contentHash(a.title, a.paragraphs));
    // Captions and page furniture never become paragraphs.
    for (const im of a.images) if (im.caption) expect(a.paragraphs).not.toContain(im.caption);
    for (const p of a.paragraphs) {
      expect(p).toBe(p.trim());
      // eslint-disable-next-line no-misleading-character-class -- each zero-width character alone
      expect(p).not.toMatch(/[\u200b\u200c\u200d\ufeff\u3000]|\s{2}/);
      expect(p).not.toMatch(/责任编辑|分享到|纠错|相关推荐|余下全文/);
    }
    if (out.ok) expect(out.article.partial).toEqual(g.partial ?? null);
  });

  it('marks bold subheadings as ranges over whole paragraphs (guancha-2)', () => {
    const g = goldens.find((x) => x.page === 'guancha-2.html');
    if (!g) throw new Error('missing golden');
    const { document } = parseHTML(readFileSync(join(PAGES, g.page), 'utf8'));
    const out = extractArticle(document as unknown as Document, g.url, { now: NOW });
    if (!out.ok) throw new Error(out.message);
    const headings = out.article.bold.map((b) => out.article.paragraphs[b.paragraph]?.slice(b.start, b.end));
    expect(headings).toEqual(['2018年进口继续扩大，突破3000亿美元', '中国半导体产业结构扭曲 没有将产品作为发展中心', '2018年中国集成电路设计业销售收入全球占比再次提高']);
    for (const b of out.article.bold) expect(b.end - b.start).toBe(out.article.paragraphs[b.paragraph]?.length);
  });

  it('does not change the page it reads', () => {
    const html = readFileSync(join(PAGES, 'zaobao-1.html'), 'utf8');
    const { document } = parseHTML(html);
    const before = document.toString();
    extractArticle(document as unknown as Document, 'https://www.zaobao.com/realtime/world/story20211118-1214802');
    extractArticle(document as unknown as Document, 'https://example.org/x', { generic: true });
    expect(document.toString()).toBe(before);
  });
});

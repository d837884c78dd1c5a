/** Built pages (tests/fixtures/built, made by scripts/build-fixtures.ts): each must give back its seed exactly. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/core/extract/index.ts';
import { parseSeed, type Seed } from '../../../../src/core/seeds.ts';
import type { BuiltFixture } from '../../../../scripts/build-fixtures.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const BUILT = join(ROOT, 'tests/fixtures/built');

const index = JSON.parse(readFileSync(join(BUILT, 'index.json'), 'utf8')) as BuiltFixture[];
const seeds = new Map<string, Seed>();
for (const f of readdirSync(join(ROOT, 'assets/seeds')).filter((x) => x.endsWith('.txt'))) {
  const s = parseSeed(f, readFileSync(join(ROOT, 'assets/seeds', f), 'utf8'));
  seeds.set(s.id, s);
}

describe('built fixtures', () => {
  it('cover every seed in every layout with no real page', () => {
    expect(new Set(index.map((e) => e.layout))).toEqual(
      new Set(['guancha-www-s', 'guancha-m', 'guancha-user', 'xinhua-2021', 'xinhua-english', 'zaobao-2022', 'zaobao-2024', 'zaobao-sg-2019', 'zaobao-sg-2024']),
    );
    expect(index).toHaveLength(9 * seeds.size);
  });

  it.each(index.map((e) => [e.file, e] as const))('%s extracts back to its seed', (_file, e) => {
    const html = readFileSync(join(BUILT, e.file), 'utf8');
    expect(html.startsWith('<!-- BUILT test page, not a real page')).toBe(true);
    const seed = seeds.get(e.seed);
    if (!seed) throw new Error(`no seed ${e.seed}`);
    const { document } = parseHTML(html);
    const out = extractArticle(document as unknown as Document, e.url, { now: new Date(e.now) });
    if (!out.ok) throw new Error(out.message);
    const a = out.article;
    expect(a.extractor).toBe(`jiedu/${a.layout}`);
    expect(a.extractor).not.toContain('generic');
    expect(a.paragraphs).toEqual(seed.paragraphs);
    expect(a.title).toBe(e.expect.title);
    expect(a.publishedAt).toBe(e.expect.publishedAt);
    expect(a.authors).toEqual(e.expect.authors);
    expect(a.source).toBe(e.expect.source);
    expect(a.editor).toBe(e.expect.editor);
    expect(a.language).toBe(e.expect.language);
    expect(a.partial).toBeNull();
    expect(a.images).toEqual(e.expect.images);
  });

  it('reads the zaobao 2022–23 paragraphs in data-s order, not document order', () => {
    const e = index.find((x) => x.layout === 'zaobao-2022' && x.seed === '001');
    if (!e) throw new Error('missing fixture');
    const html = readFileSync(join(BUILT, e.file), 'utf8');
    const { document } = parseHTML(html);
    const inDocument = Array.from(document.querySelectorAll('.article-body > p')).map((p) => p.textContent);
    expect(inDocument).not.toEqual(seeds.get('001')?.paragraphs);
    const out = extractArticle(document as unknown as Document, e.url);
    expect(out.ok && out.article.layout).toBe('zaobao-2022');
  });
});

/** The headline a reader sees, found on the real pages and the built seed pages, outside the body. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Golden } from '../../../../scripts/golden.ts';
import { parsePage } from '../../../../src/cli/html.ts';
import { extractArticle } from '../../../../src/core/extract/index.ts';
import { headlineElement } from '../../../../src/core/extract/headline.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const goldens = readdirSync(join(ROOT, 'tests/fixtures/golden'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden', f), 'utf8')) as Golden)
  // The fragments are a body alone, with no headline in them.
  .filter((g) => !g.page.includes('fragment') && !g.page.includes('english'));

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('headlineElement', () => {
  it.each(goldens.map((g) => [g.page, g] as const))('%s: the heading with the title, outside the body', (_p, g) => {
    const document = parsePage(readFileSync(join(ROOT, 'tests/fixtures/real-pages', g.page)));
    const out = extractArticle(document, g.url);
    if (!out.ok) throw new Error(out.message);
    const h = headlineElement(document, out.article.title, out.bodyElement);
    expect(h).not.toBeNull();
    expect(squeeze(h!.textContent ?? '')).toContain(squeeze(out.article.title));
    expect(out.bodyElement?.contains(h!) ?? false).toBe(false);
  });

  it('takes the tightest element, not a header block or a link to the article', () => {
    const { document } = parseHTML(`<html><body><header><div class="title-bar"><h1 class="title">王毅会见 <span>塔外长</span></h1><span>2021-07-14 来源：新华网</span></div></header>
      <ul><li><a href="/x" class="title">王毅会见塔外长</a></li></ul><div id="body"><p>王毅会见塔外长。正文。</p></div></body></html>`);
    const h = headlineElement(document, '王毅会见塔外长', document.getElementById('body'));
    expect(h?.localName).toBe('h1');
    expect(headlineElement(document, '别的标题', document.getElementById('body'))).toBeNull();
  });
});

/** The CLI parses saved pages as a browser does (parse5, the HTML standard's tree construction), not as htmlparser2 alone would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../src/cli/html.ts';
import { decodeHtml } from '../../../../src/core/extract/charset.ts';
import { extractArticle } from '../../../../src/core/extract/index.ts';

const PAGE = join(import.meta.dirname, '../../../fixtures/real-pages/xinhua-9-content-2005.html');
const URL = 'http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059.htm';

describe('parsePage', () => {
  it('keeps misnested Word markup in the paragraph a browser shows it in (xinhua-9: "<SPAN><P>…</SPAN>…</P>")', () => {
    const bytes = readFileSync(PAGE);
    const ours = extractArticle(parsePage(bytes), URL);
    if (!ours.ok) throw new Error(ours.message);
    expect(ours.article.paragraphs[1]).toMatch(/^李金泽同志现任.*总经理。 1956年生人，/);
    expect(ours.article.paragraphs).toHaveLength(20);
    // htmlparser2 alone closes the paragraph at the stray </SPAN>: the difference the test guards against.
    const plain = extractArticle(parseHTML(decodeHtml(bytes)).document as unknown as Document, URL);
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.article.paragraphs[1]).toBe('李金泽同志现任黑龙江省勃农机械有限责任公司党委书记、董事长兼总经理。');
    expect(plain.article.paragraphs).toHaveLength(22);
  });

  it('keeps a page that is already well nested as it was', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><div id="detail"><p>一。</p><p>二。</p></div></body></html>';
    const doc = parsePage(html);
    expect(Array.from(doc.querySelectorAll('#detail > p')).map((p) => p.textContent)).toEqual(['一。', '二。']);
    expect(doc.title).toBe('t');
  });
});

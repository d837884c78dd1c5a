/** Saved pages read as bytes: the GB2312 page among the real pages reads right in the CLI and the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml } from '../../../../src/core/extract/charset.ts';
import { extractCommand } from '../../../../src/cli/commands/extract.ts';

const PAGES = join(import.meta.dirname, '../../../fixtures/real-pages');
const GB_PAGE = join(PAGES, 'xinhua-4-content-2012.html');
const GB_URL = 'http://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm';

describe('decodeHtml', () => {
  it('reads the GB2312 page by its <meta http-equiv> label, which comes after the Wayback scripts', () => {
    const bytes = readFileSync(GB_PAGE);
    expect(declaredCharset(bytes)).toBe('gb18030');
    const text = decodeHtml(bytes);
    expect(text).toContain('<title>话剧《约定无期限》河北各市巡演结束</title>');
    expect(text).not.toContain('\ufffd');
    // The same bytes read as UTF-8 are mojibake: the test would catch a decoder that ignored the label.
    expect(bytes.toString('utf8')).not.toContain('话剧《约定无期限》');
  });

  it('reads UTF-8 pages unchanged, with or without a BOM', () => {
    const bytes = readFileSync(join(PAGES, 'xinhua-1.html'));
    expect(decodeHtml(bytes)).toBe(bytes.toString('utf8'));
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(decodeHtml(bom)).toBe(bytes.toString('utf8'));
  });

  it('falls back to GB18030 when an unlabelled page is not valid UTF-8', () => {
    // Built here: the GB2312 page's body bytes without any <meta> (a page saved without its head).
    const bytes = readFileSync(GB_PAGE);
    const start = bytes.indexOf(Buffer.from('<body'));
    const body = bytes.subarray(start);
    expect(declaredCharset(body)).toBeNull();
    expect(decodeHtml(body)).toContain('话剧《约定无期限》河北各市巡演结束');
  });
});

describe('extract command on a GB2312 page', () => {
  it('prints the article in readable Chinese', async () => {
    const out = (await extractCommand.run([GB_PAGE, '--url', GB_URL])) as { title: string; paragraphs: string[]; source: string | null };
    expect(out.title).toBe('话剧《约定无期限》河北各市巡演结束');
    expect(out.source).toBe('河北日报');
    expect(out.paragraphs[0]).toMatch(/^一个约定，信守15年/);
  });
});

/** Real pages of the three sites that are not articles (tests/fixtures/real-pages/index.json, notArticles) are refused, by the core and by the CLI. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realNotArticles } from '../../../../scripts/demo-pages.ts';
import { parsePage } from '../../../../src/cli/html.ts';
import { extractCommand } from '../../../../src/cli/commands/extract.ts';
import { detectFromUrl, extractArticle } from '../../../../src/core/extract/index.ts';

const pages = realNotArticles();

describe('real pages that are not articles', () => {
  it('are listed', () => {
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it.each(pages.map((p) => [p.url, p] as const))('%s is refused by its address', (_u, p) => {
    expect(detectFromUrl(p.url)).toEqual({ kind: 'none', reason: `not an article page of ${p.site}` });
    const out = extractArticle(parsePage(readFileSync(p.file)), p.url);
    expect(out).toMatchObject({ ok: false, reason: 'not-article', site: p.site });
  });

  it.each(pages.map((p) => [p.url, p] as const))('%s: the CLI exits 2 and says why', async (_u, p) => {
    await expect(extractCommand.run([p.file, '--url', p.url])).rejects.toMatchObject({
      exitCode: 2,
      message: `not-article: Not an article page: not an article page of ${p.site}.`,
    });
  });
});

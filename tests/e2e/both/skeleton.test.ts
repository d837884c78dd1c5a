/**
 * The walking skeleton and article storage in Chromium and Firefox: a seed served as
 * a guancha article is stored, badged and shown in the popup; a wrongly shaped message
 * from a content script is refused; npm start's page leads to the demo pages; every
 * real page is stored at its real URL as its golden says.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/build.ts';
import { demoPages } from '../../../scripts/demo-pages.ts';
import type { Golden } from '../../../scripts/golden.ts';
import { describePage, START_URL, startPage } from '../../../scripts/start.ts';
import { parseSeed } from '../../../src/core/seeds.ts';
import { articleCount, countOf, forEachBrowser, openPopup, tabIdOf, textOf, waitForStored } from '../harness/index.ts';

const seed000 = parseSeed('000_6ce5575ba27e451a.txt', readFileSync(join(ROOT, 'assets/seeds/000_6ce5575ba27e451a.txt'), 'utf8'));
const golden = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden', `${name}.json`), 'utf8')) as Golden;

forEachBrowser(
  'walking skeleton',
  (h) => {
    it('stores seed 000 served as a guancha article, badges the tab, and shows it in the popup', async () => {
      const demo = demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;
      const page = await h().newTab(demo.url);
      const stored = await waitForStored(h(), demo.url);
      expect(stored.title).toBe(seed000.title);
      expect(stored.site).toBe('guancha');
      expect(stored.paragraphs).toEqual(seed000.paragraphs);
      expect(stored.firstSavedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      const tabId = await tabIdOf(h(), page.url());
      await expect.poll(() => h().background((g, id) => g.chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');

      const popup = await openPopup(h(), page);
      await expect.poll(() => textOf(popup, '[data-testid="article-title"]')).toBe(seed000.title);
      expect(await textOf(popup, '[data-testid="article-site"]')).toMatch(/Guancha/);
      expect(await textOf(popup, '[data-testid="save-status"]')).toBe('Saved to your library');
      await expect.poll(() => textOf(popup, '[data-testid="library-count"]')).toBe('Library: 1 article');
      await popup.screenshot('popup-seed000-guancha');
      await page.screenshot('page-seed000-guancha');
      await popup.close();
      await page.close();
    });

    it('rejects a wrongly shaped message from the content script with an error, and keeps working', async () => {
      const demo = demoPages().find((p) => p.file.endsWith('guancha-3.html'))!;
      const page = await h().newTab(demo.url);
      const send = <T>(message: string) => page.evalInContentScript<T>(`chrome.runtime.sendMessage(${message})`);
      const bad = await send<{ ok: boolean; error?: string }>(`{ jiedu: 1, name: 'article/save', params: { article: { title: '<img src=x onerror=alert(1)>' }, trigger: 'auto' } }`);
      expect(bad.ok).toBe(false);
      expect(bad.error).toMatch(/^invalid article\/save: article\./);
      expect(await send(`{ jiedu: 1, name: 'article/delete', params: { url: 'https://www.guancha.cn/' } }`)).toEqual({ ok: false, error: 'article/delete may not be sent from a web page' });
      expect(await send('42')).toEqual({ ok: false, error: 'message is not an object' });
      const stats = await send<{ ok: boolean; result?: { articles: number } }>(`{ jiedu: 1, name: 'library/stats', params: {} }`);
      expect(stats.ok).toBe(true);
      expect(stats.result?.articles).toBe(await articleCount(h()));
      await page.close();
    });

    it("npm start's page lists every demo page, and following a link saves that article", async () => {
      const page = await h().newTab(START_URL);
      expect(await countOf(page, 'li a')).toBe(demoPages().length);
      await page.screenshot('start-page');
      const real = demoPages().find((p) => p.file.endsWith('zaobao-1.html'))!;
      // Listed by the article's title, with its site beside the address.
      expect(describePage(real)).toEqual({ title: '日本长期失业者人数上升', site: 'Zaobao 联合早报' });
      const link = `li a[href="${real.url}"]`;
      expect(await textOf(page, link)).toBe(describePage(real).title);
      await page.click(link);
      await expect.poll(() => page.evaluate(() => location.href)).toBe(real.url);
      expect((await waitForStored(h(), 'https://www.zaobao.com/realtime/world/story20211118-1214802')).site).toBe('zaobao');
      await page.close();
    });

    it('stores each real page at its real URL with its golden title, and the library lists them', async () => {
      const page = await h().newTab();
      const real = demoPages().filter((x) => x.kind === 'real');
      expect(real.length).toBeGreaterThanOrEqual(6);
      const titles: string[] = [];
      const urls = new Set<string>();
      for (const p of real) {
        const g = golden(
          p.file
            .split('/')
            .pop()!
            .replace(/\.html$/, ''),
        );
        await page.goto(p.url);
        // Up to 30 s a page: on a loaded 2-core machine a page and its save can take many seconds.
        const stored = await waitForStored(h(), g.canonicalUrl, 30_000);
        // The browser reads each page as the CLI does (the goldens are what the CLI must print).
        expect(stored.title, p.file).toBe(g.title);
        expect(stored.publishedAt, p.file).toBe(g.publishedAt);
        expect(stored.layout, p.file).toBe(g.layout);
        expect(stored.paragraphs, p.file).toHaveLength(g.paragraphCount);
        expect(stored.paragraphs[0], p.file).toBe(g.firstParagraph);
        expect(stored.paragraphs.at(-1), p.file).toBe(g.lastParagraph);
        expect(stored.partial, p.file).toEqual(g.partial);
        titles.push(g.title);
        urls.add(g.canonicalUrl);
      }
      await page.close();
      // Pages of one article (page 1 and the full text) are one record.
      expect(await articleCount(h())).toBe(1 + urls.size);

      const lib = await h().openExtensionPage('library.html');
      await expect.poll(() => textOf(lib, '[data-testid="lib-stats"]')).toBe(`Articles: ${1 + urls.size} · Words: 0`);
      // Newest first: the last page read heads the list.
      await expect.poll(() => textOf(lib, '[data-testid="article-row"]')).toContain(titles.at(-1));
      await lib.screenshot('library-real-pages');
      await lib.close();
    }, 180_000);
  },
  { extra: { [START_URL]: startPage(demoPages()) } },
);

forEachBrowser('the console check', (h) => {
  const seen: string[] = [];
  it("reports the extension's uncaught errors and unhandled rejections, then starts clean", async () => {
    const about = await h().openExtensionPage('about.html');
    await about.evaluate(() => {
      setTimeout(() => {
        throw new Error('probe: uncaught in an extension page');
      }, 0);
    });
    await h().background(() => {
      void Promise.reject(new Error('probe: rejected in the background'));
      return null;
    });
    await expect.poll(async () => (seen.push(...(await h().takeExtensionErrors())), seen.join('\n'))).toMatch(/probe: uncaught in an extension page/);
    await expect.poll(async () => (seen.push(...(await h().takeExtensionErrors())), seen.join('\n'))).toMatch(/probe: rejected in the background/);
    expect(await h().takeExtensionErrors()).toEqual([]);
    await about.close();
  });
});

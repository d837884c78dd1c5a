/**
 * Real pages of the three sites that are not articles (tests/fixtures/real-pages/index.json,
 * notArticles), served at their real addresses in Chromium and Firefox: nothing is stored, the
 * badge stays empty and the popup says the page is not an article.
 */
import { expect, it } from 'vitest';
import { demoPages, pageHtml, realNotArticles } from '../../../scripts/demo-pages.ts';
import { articleCount, forEachBrowser, openPopup, tabIdOf, textOf, waitForStored } from '../harness/index.ts';

const pages = realNotArticles();
const article = demoPages().find((p) => p.kind === 'real' && p.file.endsWith('/xinhua-1.html'))!;

forEachBrowser(
  'real pages that are not articles',
  (h) => {
    it('stores nothing for them, leaves the badge empty and says so in the popup', async () => {
      expect(pages.length).toBeGreaterThanOrEqual(1);
      for (const p of pages) {
        const tab = await h().newTab(p.url);
        const popup = await openPopup(h(), tab);
        await expect.poll(() => textOf(popup, 'section p'), { timeout: 10_000 }).toBe('This page is not an article.');
        const tabId = await tabIdOf(h(), tab.url());
        expect(await h().background((g, id) => g.chrome.action.getBadgeText({ tabId: id }), tabId), p.url).toBe('');
        await popup.screenshot(`popup-not-article-${p.site}`);
        await popup.close();
        await tab.close();
      }
      // An article read afterwards is stored and is the only record: the pages before it left nothing behind.
      const tab = await h().newTab(article.url);
      await waitForStored(h(), 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm');
      expect(await articleCount(h())).toBe(1);
      await tab.close();
    });
  },
  { extra: Object.fromEntries(pages.map((p) => [p.url, pageHtml(p)])) },
);

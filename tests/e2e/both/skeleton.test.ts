/**
 * The walking skeleton and article storage in Chromium and Firefox: a seed served as
 * a guancha article is stored, badged and shown in the popup; every real page is
 * stored at its real URL with its golden title.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/build.ts';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { parseSeed } from '../../../src/core/seeds.ts';
import { articleCount, forEachBrowser, openPopup, tabIdOf, textOf, waitForStored } from '../harness/index.ts';

const seed000 = parseSeed('000_6ce5575ba27e451a.txt', readFileSync(join(ROOT, 'assets/seeds/000_6ce5575ba27e451a.txt'), 'utf8'));
const golden = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden', `${name}.json`), 'utf8')) as { title: string; canonicalUrl: string };

forEachBrowser('walking skeleton', (h) => {
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
    await popup.close();
    await page.close();
  });

  it('stores each real page at its real URL with its golden title, and the library lists them', async () => {
    const page = await h().newTab();
    const real = demoPages().filter((x) => x.kind === 'real');
    expect(real.length).toBeGreaterThanOrEqual(6);
    const titles: string[] = [];
    const urls = new Set<string>();
    for (const p of real) {
      const g = golden(p.file.split('/').pop()!.replace(/\.html$/, ''));
      await page.goto(p.url);
      const stored = await waitForStored(h(), g.canonicalUrl);
      expect(stored.title, p.file).toBe(g.title);
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
  });
});

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

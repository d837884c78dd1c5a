import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { evalInContentScript, tabIdOf } from '../../scripts/browser.ts';
import { ROOT } from '../../scripts/build.ts';
import { parseSeed } from '../../src/core/seeds.ts';
import { ARTIFACTS, articleCount, findPage, openBrowser, openPopup, waitForStored } from './context.ts';
import { describePage, START_URL, startPage } from '../../scripts/start.ts';
import { demoPages } from '../../scripts/demo-pages.ts';

const seed000 = parseSeed('000_6ce5575ba27e451a.txt', readFileSync(join(ROOT, 'assets/seeds/000_6ce5575ba27e451a.txt'), 'utf8'));

describe('walking skeleton in Chromium', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await openBrowser({ [START_URL]: startPage(demoPages()) });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('stores seed 000 served as a guancha article, badges the tab, and shows it in the popup', async () => {
    const demo = findPage((p) => p.seed === '000' && /^https?:\/\/www\.guancha\.cn\//.test(p.url), 'seed 000 on www.guancha.cn');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const canonical = demo.url.replace(/(_\d+)?\.shtml.*$/, '_s.shtml').replace(/^http:/, 'https:');
    const stored = await waitForStored(b, demo.url.endsWith('_s.shtml') ? demo.url : canonical);
    expect(stored.title).toBe(seed000.title);
    expect(stored.site).toBe('guancha');
    expect(stored.paragraphs).toEqual(seed000.paragraphs);
    expect(stored.firstSavedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const tabId = await tabIdOf(b.worker, page.url());
    const badge = await b.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe('✓');

    const popup = await openPopup(b, page);
    await expect.poll(() => popup.getByTestId('article-title').textContent()).toBe(seed000.title);
    expect(await popup.getByTestId('article-site').textContent()).toMatch(/Guancha/);
    expect(await popup.getByTestId('save-status').textContent()).toBe('Saved to your library');
    expect(await popup.getByTestId('library-count').textContent()).toBe('Library: 1 article');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-seed000-guancha.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'page-seed000-guancha.png') });
    await popup.close();
    await page.close();
  });

  it('rejects a wrongly shaped message from the content script with an error, and keeps working', async () => {
    const demo = findPage((p) => p.file.endsWith('guancha-3.html'), 'guancha-3');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const bad = await evalInContentScript<{ ok: boolean; error?: string }>(
      page,
      `chrome.runtime.sendMessage({ jiedu: 1, name: 'article/save', params: { article: { title: '<img src=x onerror=alert(1)>' }, trigger: 'auto' } })`,
    );
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/^invalid article\/save: article\./);

    const forbidden = await evalInContentScript<{ ok: boolean; error?: string }>(
      page,
      `chrome.runtime.sendMessage({ jiedu: 1, name: 'article/delete', params: { url: 'https://www.guancha.cn/' } })`,
    );
    expect(forbidden).toEqual({ ok: false, error: 'article/delete may not be sent from a web page' });

    const garbage = await evalInContentScript<{ ok: boolean; error?: string }>(page, `chrome.runtime.sendMessage(42)`);
    expect(garbage).toEqual({ ok: false, error: 'message is not an object' });

    const stats = await evalInContentScript<{ ok: boolean; result?: { articles: number } }>(
      page,
      `chrome.runtime.sendMessage({ jiedu: 1, name: 'library/stats', params: {} })`,
    );
    expect(stats.ok).toBe(true);
    expect(stats.result?.articles).toBe(await articleCount(b));
    await page.close();
  });

  it("npm start's page lists every demo page, and following a link saves that article", async () => {
    const page = await b.context.newPage();
    await page.goto(START_URL);
    const links = page.locator('li a');
    expect(await links.count()).toBe(demoPages().length);
    await page.screenshot({ path: join(ARTIFACTS, 'start-page.png') });
    const real = demoPages().find((p) => p.file.endsWith('zaobao-1.html'))!;
    // Listed by the article's title, with its site beside the address.
    expect(describePage(real)).toEqual({ title: '日本长期失业者人数上升', site: 'Zaobao 联合早报' });
    await page.getByRole('link', { name: describePage(real).title, exact: true }).click();
    await page.waitForURL(real.url);
    expect((await waitForStored(b, 'https://www.zaobao.com/realtime/world/story20211118-1214802')).site).toBe('zaobao');
    await page.close();
  });
});

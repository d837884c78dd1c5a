/**
 * An article open while the extension is reloaded (what an update does), in Chromium: the
 * content script left behind, cut off from its background, lets the page go at the reader's
 * next action. Pinyin and the term marks come off, and a click on a word opens nothing and
 * throws nothing. (Here Chromium does not bring back an extension loaded from the command line
 * after `runtime.reload()`: the page meets what a removed extension leaves, which is the same
 * for the script left behind.)
 *
 * Chromium only: Firefox unloads a content script together with its extension, so no script
 * is left behind there (the session's end is unit-tested in tests/unit/content/session.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { findPage, openBrowser, openPopup, waitForStored } from './context.ts';

const URL_ = 'https://www.news.cn/2022-07/29/c_1128875657.htm';

describe('an open article when the extension is reloaded (Chromium)', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await openBrowser();
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it('takes pinyin and marks off at the next key or click, opens no card and logs no error', async () => {
    const page = await b.context.newPage();
    await page.goto(findPage((p) => p.file.endsWith('xinhua-12-2022.html'), 'xinhua-12-2022').url);
    await waitForStored(b, URL_, 15_000);
    const marks = () => page.locator('span.jiedu-term').count();
    const rubies = () => page.locator('#detail ruby').count();
    await expect.poll(marks).toBeGreaterThan(0);
    const popup = await openPopup(b, page);
    await popup.getByRole('switch', { name: /Pinyin over the/ }).check();
    await popup.close();
    await expect.poll(rubies, { timeout: 30_000 }).toBeGreaterThan(100);

    // From here on the page's console stays quiet (before, it has the site's own blocked resources).
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    // The extension is reloaded under the open page; the worker's evaluation may end with it.
    await b.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await page.bringToFront();
    // The reader's next key (Shift, which does nothing in the page): the drawing comes off.
    await expect
      .poll(async () => {
        await page.keyboard.press('Shift');
        return rubies();
      })
      .toBe(0);
    expect(await marks()).toBe(0);
    expect(await page.locator('#detail').textContent()).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
    // A click on a word opens no card and throws nothing.
    await page.locator('#detail p').nth(1).click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.locator('jiedu-card:not([hidden])').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

/**
 * Reference screenshots of what Jiedu draws in an article page, in Chromium: a real Xinhua page
 * at its real address with pinyin on (tone colours) and its terms marked, a look-up card and a
 * term's card, in light and dark, at 1280 and 400 px. Each must match its reference in
 * tests/visual-reference (pixelmatch, as tests/e2e/pages-look.test.ts compares the extension's
 * own pages; JIEDU_UPDATE_VISUAL=1 rewrites them: look at them before committing).
 *
 * Chromium only: a pixel reference holds for one browser's rendering (fonts, antialiasing, ruby
 * layout differ between engines), and where the card is and how it behaves is measured in both
 * browsers by tests/e2e/both/reading-layout.test.ts and reading-aids.test.ts.
 *
 * Dark: the card follows the theme setting (dark), and the page gets the dark look a reader's
 * dark-theme extension gives it (tests/e2e/harness/dark-page.ts) before pinyin is drawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evalInContentScript, type ExtensionBrowser } from '../../scripts/browser.ts';
import { findPage, openBrowser, openPopup, waitForStored } from './context.ts';
import { visualDifference } from './look.ts';
import { addDarkLook, DARK_PAGE_CSS } from './harness/dark-page.ts';
import { CARD_ROOT } from '../support/card-root.ts';

const URL_ = 'https://www.news.cn/2022-07/29/c_1128875657.htm';
const TERM = 'span.jiedu-term[data-jiedu-term="上海合作组织"]';

/** The open card's text, read in the content script's world; null when no card is shown. */
const cardText = (page: Page) =>
  evalInContentScript<string | null>(
    page,
    `(() => { const root = ${CARD_ROOT}; const host = root && root.host; if (!host || host.hidden) return null; return root.querySelector('.card')?.textContent ?? null; })()`,
  );

/** The page's pinyin as text, to wait until the readings decided by context have been drawn. */
const pinyinText = (page: Page) => page.evaluate(() => [...document.querySelectorAll('#detail rt')].map((rt) => rt.textContent).join(' '));

/** Two frames, so that what was just changed is laid out and painted. */
const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The middle of the first 驳 of the article's body, scrolled into view. */
function wordPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const body = document.querySelector('#detail')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf('驳');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      const box = r.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    throw new Error('no 驳 in the article');
  });
}

describe('what Jiedu draws in a page: reference screenshots (Chromium)', () => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await openBrowser();
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`in ${scheme}: the article with pinyin, a look-up card and a term card match their references at 1280 and 400 px`, async () => {
      await b.worker.evaluate(async (theme) => chrome.storage.local.set({ settings: { version: 1, values: { pinyinToneColors: 'mdbg', theme } } }), scheme);
      const page = await b.context.newPage();
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(findPage((p) => p.file.endsWith('xinhua-12-2022.html'), 'xinhua-12-2022').url);
      await waitForStored(b, URL_, 15_000);
      await page.locator(TERM).waitFor();
      if (scheme === 'dark') await page.evaluate(addDarkLook, DARK_PAGE_CSS);
      const popup = await openPopup(b, page);
      await popup.getByRole('switch', { name: /Pinyin over the/ }).check();
      await popup.close();
      await expect.poll(() => page.locator('#detail span.jiedu-run ruby').count(), { timeout: 30_000 }).toBeGreaterThan(100);
      // Settled: the readings decided by context (from the background) drawn over the first ones.
      let before = '';
      await expect
        .poll(
          async () => {
            const now = await pinyinText(page);
            const still = now === before;
            before = now;
            return still;
          },
          { timeout: 30_000, interval: 700 },
        )
        .toBe(true);
      await page.evaluate(() => document.fonts.ready);

      const differences: Record<string, string> = {};
      const shoot = async (state: string, width: number) => {
        await frames(page);
        const d = await visualDifference(page, `in-page-${state}-${scheme}-${width}`);
        if (d) differences[`${state}-${scheme}-${width}`] = d;
      };
      for (const width of [1280, 400]) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.evaluate(() => document.querySelector('#detail')!.scrollIntoView({ block: 'start', inline: 'start' }));
        await frames(page);
        await shoot('pinyin', width);

        const point = await wordPoint(page);
        await page.mouse.click(point.x, point.y);
        await expect.poll(() => cardText(page), { timeout: 15_000 }).toMatch(/驳斥.*bó chì.*to refute/s);
        await shoot('lookup-card', width);
        await page.keyboard.press('Escape');
        await expect.poll(() => cardText(page)).toBeNull();

        // The term's card from the keyboard, focus on its Save button, its citations loaded.
        await page.mouse.move(1, 1);
        await page.locator(TERM).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => cardText(page), { timeout: 15_000 }).toMatch(/Shanghai Cooperation Organization/);
        await expect.poll(() => cardText(page)).not.toMatch(/Loading/);
        await shoot('term-card', width);
        await page.keyboard.press('Escape');
        await expect.poll(() => cardText(page)).toBeNull();
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      }
      expect(differences).toEqual({});
      await page.close();
    }, 150_000);
  }
});

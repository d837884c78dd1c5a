/**
 * axe-core on an annotated article, in Chromium and Firefox, in light and dark: a real Xinhua
 * page at its real address with pinyin on (tone colours), glossary terms marked and a look-up
 * card open. What is judged is what Jiedu adds, nothing of the site's own markup: axe runs with
 * its context limited to Jiedu's nodes (`include`: the pinyin runs `span.jiedu-run` with their
 * <ruby>, the marks `span.jiedu-term`, and the card), so rules about the page as a whole (its
 * title, language, landmarks) and the site's own elements are not run; contrast is still
 * measured against the site's real background behind each node.
 *
 * The card is a closed shadow root, which axe (like any page script) cannot enter. The test,
 * from the content script's world (which holds the card's root in test builds), copies it, its
 * own style sheet and the place it was given included, into an open shadow root at the same
 * place and hides the original meanwhile; axe checks the copy. The same card in the library's
 * reading view is checked there too, over the whole of that page.
 *
 * Dark: the card and the library follow the theme setting (dark); the site's page has no dark
 * look of its own, so the test gives it one as a reader's dark-theme extension would (a dark
 * background, light text, before pinyin is switched on so its shades are chosen for it).
 */
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { countOf, forEachBrowser, isChecked, openPopup, waitForStored, type ExtensionHarness } from '../harness/index.ts';
import { cardBox, pointAt } from '../harness/page-words.ts';
import { addDarkLook, DARK_PAGE_CSS } from '../harness/dark-page.ts';
import { injectAxe, runAxe } from '../harness/axe.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

const URL_ = 'https://www.news.cn/2022-07/29/c_1128875657.htm';
const PINYIN_SWITCH = 'section[aria-labelledby="this-page"] + section.pinyin input[role="switch"]';
/** The copy of the card that axe can enter (see above). */
const AUDIT_HOST = 'jiedu-card-audit';

/** Copies the open card into an open shadow root at its place, and hides the original; source text for either world. */
const COPY_CARD = `(() => {
  const root = ${CARD_ROOT};
  const host = root && root.host;
  if (!host || host.hidden) return false;
  document.querySelector('${AUDIT_HOST}')?.remove();
  const copy = document.createElement('${AUDIT_HOST}');
  copy.setAttribute('style', host.getAttribute('style') || '');
  if (host.dataset.theme) copy.dataset.theme = host.dataset.theme;
  const open = copy.attachShadow({ mode: 'open' });
  for (const n of root.childNodes) open.append(n.cloneNode(true));
  host.hidden = true;
  document.documentElement.append(copy);
  return true;
})()`;

async function setLook(h: ExtensionHarness, theme: 'light' | 'dark'): Promise<void> {
  await h.background(async (g, t) => g.chrome.storage.local.set({ settings: { version: 1, values: { pinyinToneColors: 'mdbg', theme: t } } }), theme);
}

forEachBrowser('axe-core on an annotated article: pinyin, marks and a card, light and dark', (h) => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: no violation in what Jiedu adds to the page`, async () => {
      await setLook(h(), scheme);
      const demo = demoPages().find((p) => p.file.endsWith('xinhua-12-2022.html'))!;
      const page = await h().newTab(demo.url);
      await page.setViewport(1280, 900);
      await waitForStored(h(), URL_);
      await expect.poll(() => countOf(page, 'span.jiedu-term')).toBeGreaterThan(2);
      if (scheme === 'dark') await page.evaluate(addDarkLook, DARK_PAGE_CSS);
      const popup = await openPopup(h(), page);
      await expect.poll(() => countOf(popup, PINYIN_SWITCH)).toBe(1);
      await popup.click(PINYIN_SWITCH);
      await expect.poll(() => isChecked(popup, PINYIN_SWITCH), { timeout: 30_000 }).toBe(true);
      await popup.close();
      await expect.poll(() => countOf(page, 'span.jiedu-run ruby'), { timeout: 30_000 }).toBeGreaterThan(100);
      expect(await countOf(page, 'span.jiedu-term ruby')).toBeGreaterThan(0);
      // A look-up card, the dictionary's answer in it.
      const point = (await pointAt(page, '#detail', '驳'))!;
      await page.clickAt(point.x, point.y);
      await expect.poll(() => cardBox(page), { timeout: 15_000 }).not.toBeNull();
      await expect.poll(async () => (await page.evaluate(() => document.querySelector('jiedu-card')?.getBoundingClientRect().height ?? 0)) > 120, { timeout: 15_000 }).toBe(true);
      await page.screenshot(`a11y-annotated-${scheme}`);
      const include = ['span.jiedu-run', 'span.jiedu-term'];
      expect(await page.evalInContentScript<boolean>(COPY_CARD)).toBe(true);
      include.push(AUDIT_HOST);
      expect(await injectAxe(page)).toBe('object');
      const violations = await runAxe(page, include);
      expect(violations).toEqual([]);
      // The check can fail: the same run over the whole page finds the site's own faults.
      if (scheme === 'light') expect((await runAxe(page, null)).length).toBeGreaterThan(0);
      await page.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: no violation in the library's reading view with pinyin, marks and a card`, async () => {
      await setLook(h(), scheme);
      const lib = await h().openExtensionPage('library.html');
      await lib.setViewport(1280, 900);
      await lib.click(`[data-testid="article-row"] button.title[data-url="${URL_}"]`);
      await expect.poll(() => countOf(lib, '[data-testid="reader-body"] span.jiedu-term')).toBeGreaterThan(2);
      await lib.click('[data-testid="reader-pinyin"]');
      await expect.poll(() => countOf(lib, '[data-testid="reader-body"][data-readings="final"]'), { timeout: 20_000 }).toBe(1);
      const point = (await pointAt(lib, '[data-testid="reader-body"]', '驳'))!;
      await lib.clickAt(point.x, point.y);
      await expect.poll(() => cardBox(lib), { timeout: 15_000 }).not.toBeNull();
      await expect.poll(async () => (await lib.evaluate(() => document.querySelector('jiedu-card')?.getBoundingClientRect().height ?? 0)) > 120, { timeout: 15_000 }).toBe(true);
      await lib.screenshot(`a11y-reading-view-${scheme}`);
      expect(await lib.evaluateExpression<boolean>(COPY_CARD)).toBe(true);
      expect(await injectAxe(lib)).toBe('object');
      // Jiedu's own page: the whole of it.
      expect(await runAxe(lib, null)).toEqual([]);
      await lib.close();
    });
  }
});

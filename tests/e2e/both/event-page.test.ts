/**
 * Firefox runs the background as an event page, which stops when idle and starts again
 * for the next event: nothing it needs may live only in its memory. With the idle time
 * cut to 1.5 s, each step below meets a stopped background and must wake it.
 *
 * Chromium is left out: its service worker can be stopped only through DevTools, and
 * the driver's handle on the worker does not survive that; there the worker's restart
 * is met by the senders' retry of a message that found it stopped (src/core/retry.ts).
 */
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { countOf, database, forEachBrowser, openPopup, textOf, type ExtensionHarness } from '../harness/index.ts';

const stopped = async (h: ExtensionHarness) => {
  await expect.poll(() => h.backgroundState!(), { timeout: 20_000 }).toBe('stopped');
};

forEachBrowser(
  'a background that stops when idle',
  (h, browser) => {
    it.skipIf(browser === 'chromium')('wakes for the page, the popup, a card and the keyboard command, and keeps what it stored', async () => {
      const demo = demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;
      await stopped(h());
      // The page saves its article: a message wakes the background.
      const page = await h().newTab(demo.url);
      await expect.poll(() => countOf(page, 'span.jiedu-term'), { timeout: 20_000 }).toBeGreaterThan(20);
      await stopped(h());

      // The popup asks over ports: they wake it too, and the library is as it was.
      const popup = await openPopup(h(), page);
      await expect.poll(() => textOf(popup, '[data-testid="save-status"]')).toBe('Saved to your library');
      await expect.poll(() => textOf(popup, '[data-testid="library-count"]')).toBe('Library: 1 article');
      await popup.close();
      await stopped(h());

      // A term card asks for the term's sources, and saving asks again.
      await page.focus('span.jiedu-term[data-jiedu-term="一带一路"]');
      await page.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('jiedu-card');
      await stopped(h());
      await page.press('Enter');
      await expect.poll(async () => (await database(h(), async (db) => (await db.vocabulary.get('一带一路')) ?? null))?.source).toBe('glossary');
      await page.press('Escape');
      await stopped(h());

      // The keyboard command starts it, and it finds the tab and the settings again.
      await h().pressBrowserKeys!(['Alt', 'Shift', 'P']);
      await expect.poll(() => countOf(page, 'span.jiedu-run > ruby')).toBeGreaterThan(100);
      await page.close();
    });
  },
  { firefoxPrefs: { 'extensions.background.idle.timeout': 1500 } },
);

/**
 * The extension's own pages (popup and its Glossary tab; library articles, vocabulary,
 * glossary and reading view, with and without pinyin; options; About) in Firefox, light and
 * dark: axe-core finds nothing, and at 1280, 400 and 360 px (the popup at its own 380 px) no
 * page scrolls sideways, no two text boxes overlap and no text is cut off. Chromium is held
 * to the same checks on the same states by ../pages-look.test.ts, in the visit that compares
 * them with their reference screenshots (which hold for one engine's fonts), so it is not
 * run here again. Dark here is the theme setting; following the system's appearance is
 * tested there.
 */
import { beforeAll, expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import type { StoredArticle } from '../../../src/core/article.ts';
import { injectAxe, runAxe } from '../harness/axe.ts';
import { countOf, database, forEachBrowser, openPopup, textOf, waitForStored, type ExtensionHarness, type Tab } from '../harness/index.ts';
import { layoutFaults } from '../harness/layout-faults.ts';
import { wordsOf } from '../saved-words.ts';

type Theme = 'light' | 'dark';
const DEMO = demoPages().find((p) => p.seed === '000' && /^https?:\/\/www\.guancha\.cn\//.test(p.url))!;
const CANONICAL = DEMO.url.endsWith('_s.shtml') ? DEMO.url : DEMO.url.replace(/(_\d+)?\.shtml.*$/, '_s.shtml').replace(/^http:/, 'https:');

function setTheme(h: ExtensionHarness, theme: Theme): Promise<void> {
  // Tone colours on (MDBG), so that axe checks their contrast in both themes.
  return h.background(async (g, t) => g.chrome.storage.local.set({ settings: { version: 1, values: { pinyinToneColors: 'mdbg', theme: t } } }), theme);
}

/** Two frames: the lists re-measure their width (ResizeObserver) and lay their rows out again. */
const settle = (tab: Tab) => tab.evaluate(() => new Promise<boolean>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));

forEachBrowser(
  'extension pages: axe-core and layout, light and dark',
  (h) => {
    let article: StoredArticle;
    let articleTab: Tab;

    beforeAll(async () => {
      articleTab = await h().newTab(DEMO.url);
      article = await waitForStored(h(), CANONICAL);
      await database(h(), (db, words) => db.vocabulary.bulkPut(words), wordsOf(article));
    }, 60_000);

    /** A page opened and waited for until what it loads after its first paint is there. */
    async function extensionPage(path: string, ready: string): Promise<Tab> {
      const tab = await h().openExtensionPage(path);
      await tab.setViewport(1280, 900);
      await expect.poll(() => countOf(tab, ready), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => tab.evaluate(() => document.body.innerText.includes('Loading…'))).toBe(false);
      await tab.evaluate(() => document.fonts.ready.then(() => true));
      return tab;
    }

    async function popup(glossary: boolean): Promise<Tab> {
      const tab = await openPopup(h(), articleTab);
      await expect.poll(() => textOf(tab, '[data-testid="article-title"]')).toBe(article.title);
      if (glossary) {
        await tab.click('#tab-glossary');
        await expect.poll(() => countOf(tab, '.gl li')).toBeGreaterThan(0);
      }
      await tab.evaluate(() => document.fonts.ready.then(() => true));
      return tab;
    }

    async function reader(pinyin: boolean): Promise<Tab> {
      const tab = await extensionPage('library.html#articles', '[data-testid="article-row"]');
      await tab.click('[data-testid="article-row"] .title');
      await expect.poll(() => countOf(tab, '[data-testid="reader-body"]')).toBe(1);
      if (pinyin) {
        await tab.focus('[data-testid="reader-pinyin"]');
        await tab.press('Space');
        // The title too, in tone colours, with the readings decided by context drawn.
        await expect.poll(() => countOf(tab, '[data-testid="reader-title"] ruby'), { timeout: 20_000 }).toBeGreaterThan(0);
        await expect.poll(() => countOf(tab, '[data-testid="reader-body"][data-readings="final"] rt.jiedu-t1'), { timeout: 20_000 }).toBeGreaterThan(0);
      }
      return tab;
    }

    const LIST = '[role=listitem] > :not(.placeholder)';
    const STATES: { name: string; open: () => Promise<Tab>; popup?: true; layout?: false }[] = [
      { name: 'popup', open: () => popup(false), popup: true },
      { name: 'popup-glossary', open: () => popup(true), popup: true },
      { name: 'library-articles', open: () => extensionPage('library.html#articles', LIST) },
      { name: 'library-vocabulary', open: () => extensionPage('library.html#vocabulary', LIST) },
      { name: 'library-glossary', open: () => extensionPage('library.html#glossary', LIST) },
      { name: 'library-reader', open: () => reader(false) },
      // Ruby's own layout is measured by reading-layout.test.ts; here axe checks the tone colours' contrast.
      { name: 'library-reader-pinyin', open: () => reader(true), layout: false },
      { name: 'options', open: () => extensionPage('options.html', '#app > *') },
      { name: 'about', open: () => extensionPage('about.html', '#app > *') },
      { name: 'review-question', open: () => review('study') },
      { name: 'review-answer', open: () => review('answer') },
      { name: 'review-add', open: () => review('add') },
      { name: 'review-stats', open: () => review('stats') },
      { name: 'review-settings', open: () => review('settings') },
    ];

    let cardsAdded = false;
    /** The review page: cards for the saved words are added once, from its own Add tab, as a reader adds them. */
    async function review(state: 'study' | 'answer' | 'add' | 'stats' | 'settings'): Promise<Tab> {
      if (!cardsAdded) {
        const add = await extensionPage('review.html#add', '[data-testid="add-all-saved"]');
        await add.click('[data-testid="add-all-saved"]');
        await expect.poll(() => countOf(add, '[data-testid="toast"]')).toBe(1);
        await add.close();
        cardsAdded = true;
      }
      const ready = {
        study: '[data-testid="review-card"]',
        answer: '[data-testid="review-card"]',
        add: '[data-testid="add-all-saved"]',
        stats: '[data-testid="stats-cards"]',
        settings: '[data-testid="retention"]',
      }[state];
      const tab = await extensionPage(`review.html#${state === 'answer' ? 'study' : state}`, ready);
      if (state === 'answer') {
        await tab.press('Space');
        await expect.poll(() => countOf(tab, '[data-testid="review-card"][data-shown="true"]')).toBe(1);
      }
      return tab;
    }

    for (const theme of ['light', 'dark'] as const) {
      it(`in ${theme}: axe-core finds nothing; nothing overflows, overlaps or is cut off at 360, 400 and 1280 px`, async () => {
        await setTheme(h(), theme);
        const violations: Record<string, unknown> = {};
        const faults: Record<string, unknown> = {};
        for (const s of STATES) {
          const tab = await s.open();
          expect(await tab.evaluate(() => document.documentElement.dataset.theme), s.name).toBe(theme);
          await injectAxe(tab);
          const v = await runAxe(tab);
          if (v.length > 0) violations[s.name] = v;
          for (const width of s.popup ? [380] : s.layout === false ? [] : [1280, 400, 360]) {
            if (!s.popup) {
              await tab.setViewport(width, 900);
              await settle(tab);
            }
            const f = await layoutFaults(tab);
            if (f.horizontalOverflow > 0 || f.overlaps.length > 0 || f.clipped.length > 0) faults[`${s.name}@${width}`] = f;
          }
          await tab.close();
        }
        expect({ violations, faults }).toEqual({ violations: {}, faults: {} });
      }, 240_000);
    }
  },
  // Chromium: ../pages-look.test.ts (see above).
  { browsers: ['firefox'] },
);

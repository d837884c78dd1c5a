/**
 * The extension's own pages (popup, library, review, options, about) in light and dark, narrow and
 * wide, in Chromium: axe-core finds nothing, nothing overflows or overlaps at 360 px, the
 * theme follows the system and the setting, and each state matches its reference screenshot
 * (tests/visual-reference; JIEDU_UPDATE_VISUAL=1 rewrites them after a deliberate change).
 * A reference holds for one engine's fonts; axe-core and the layout faults, which hold in any,
 * are the harness's (harness/axe.ts, harness/layout-faults.ts), and Firefox has them for the
 * same states in both/pages-checks.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import type { StoredArticle } from '../../src/core/article.ts';
import { findPage, openBrowser, openPopup, waitForStored } from './context.ts';
import { injectAxe, runAxe } from './harness/axe.ts';
import type { Tab } from './harness/index.ts';
import { layoutFaults } from './harness/layout-faults.ts';
import { visualDifference } from './look.ts';
import { FIXED_DATE, wordsOf } from './saved-words.ts';
import { runInDatabase } from '../support/extension-db.ts';

type Scheme = 'light' | 'dark';
/** The page as the harness's checks take it: they need only its evaluate. */
const checked = (page: Page): Pick<Tab, 'evaluate'> => ({
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as (a: unknown) => Promise<R>, arg as unknown) as Promise<R>,
});

describe('extension pages: themes, widths, axe and reference screenshots (Chromium)', () => {
  let b: ExtensionBrowser;
  let article: StoredArticle;
  let articleTab: Page;

  beforeAll(async () => {
    b = await openBrowser();
    const demo = findPage((p) => p.seed === '000' && /^https?:\/\/www\.guancha\.cn\//.test(p.url), 'seed 000 on www.guancha.cn');
    articleTab = await b.context.newPage();
    await articleTab.goto(demo.url);
    const canonical = demo.url.endsWith('_s.shtml') ? demo.url : demo.url.replace(/(_\d+)?\.shtml.*$/, '_s.shtml').replace(/^http:/, 'https:');
    const stored = await waitForStored(b, canonical);
    // Fixed dates, so that screenshots do not change with the day they are taken.
    article = { ...stored, firstSavedAt: FIXED_DATE, lastSavedAt: FIXED_DATE, extractedAt: FIXED_DATE };
    await runInDatabase(
      (expression) => b.worker.evaluate(expression),
      async (db, { a, words }) => {
        await db.articles.put(a);
        await db.vocabulary.bulkPut(words);
      },
      { a: article, words: wordsOf(article) },
    );
    // Tone colours on (MDBG), so that axe checks their contrast in both themes.
    await b.worker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, values: { pinyinToneColors: 'mdbg' } } }));
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  /** Each state of each page, reached from a freshly opened page. */
  const STATES: { name: string; open: (scheme: Scheme, width: number) => Promise<Page>; layout?: false; shoot?: false }[] = [
    { name: 'popup', open: (scheme) => popup(scheme, false) },
    { name: 'popup-glossary', open: (scheme) => popup(scheme, true) },
    { name: 'library-articles', open: (scheme, width) => library(scheme, width, 'articles') },
    { name: 'library-vocabulary', open: (scheme, width) => library(scheme, width, 'vocabulary') },
    { name: 'library-glossary', open: (scheme, width) => library(scheme, width, 'glossary') },
    { name: 'library-reader', open: (scheme, width) => reader(scheme, width) },
    // Ruby's own layout is measured by reading-layout.test.ts; here axe checks the tone colours' contrast.
    { name: 'library-reader-pinyin', open: (scheme, width) => reader(scheme, width, true), layout: false },
    { name: 'options', open: (scheme, width) => extensionPage('options.html', scheme, width) },
    { name: 'about', open: (scheme, width) => extensionPage('about.html', scheme, width) },
    { name: 'review-question', open: (scheme, width) => review(scheme, width, 'study') },
    { name: 'review-answer', open: (scheme, width) => review(scheme, width, 'answer') },
    { name: 'review-add', open: (scheme, width) => review(scheme, width, 'add') },
    { name: 'review-settings', open: (scheme, width) => review(scheme, width, 'settings') },
    // Its charts are drawn over the coming days and the past month, so its picture changes with the date.
    { name: 'review-stats', open: (scheme, width) => review(scheme, width, 'stats'), shoot: false },
  ];

  let cardsAdded = false;
  /** The review page: cards for the saved words are added once, from its own Add tab, as a reader adds them. */
  async function review(scheme: Scheme, width: number, state: 'study' | 'answer' | 'add' | 'settings' | 'stats'): Promise<Page> {
    if (!cardsAdded) {
      const add = await extensionPage('review.html#add', 'light', 1280);
      await add.getByTestId('add-all-saved').click();
      await add.getByTestId('toast').waitFor();
      await add.close();
      cardsAdded = true;
    }
    const page = await extensionPage(`review.html#${state === 'answer' ? 'study' : state}`, scheme, width);
    if (state === 'study' || state === 'answer') await page.getByTestId('review-card').waitFor();
    if (state === 'answer') {
      await page.keyboard.press('Space');
      await page.locator('[data-testid=review-card][data-shown=true]').waitFor();
    }
    if (state === 'stats') await page.getByTestId('stats-cards').waitFor();
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  async function extensionPage(path: string, scheme: Scheme, width: number, height = 900): Promise<Page> {
    const page = await b.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.setViewportSize({ width, height });
    await page.goto(`chrome-extension://${b.extensionId}/${path}`);
    await page.waitForSelector('#app > *');
    // Everything a page loads after its first paint is there (the About page's notice, the lists' first rows).
    await page.waitForFunction(() => !document.body.innerText.includes('Loading…'));
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  async function popup(scheme: Scheme, glossary: boolean): Promise<Page> {
    const page = await openPopup(b, articleTab);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.getByText(article.title).first().waitFor();
    if (glossary) {
      await page.getByRole('tab', { name: 'Glossary' }).click();
      await page.locator('.gl li').first().waitFor();
    }
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  async function library(scheme: Scheme, width: number, tab: string): Promise<Page> {
    const page = await extensionPage(`library.html#${tab}`, scheme, width);
    await page.locator('[role=listitem] > :not(.placeholder)').first().waitFor();
    return page;
  }

  async function reader(scheme: Scheme, width: number, pinyin = false): Promise<Page> {
    const page = await library(scheme, width, 'articles');
    await page.getByRole('button', { name: article.title, exact: true }).click();
    await page.getByTestId('reader-body').waitFor();
    if (pinyin) {
      await page.getByTestId('reader-pinyin').check();
      // The title too, in tone colours, with the readings decided by context drawn.
      await page.locator('[data-testid=reader-title] ruby').first().waitFor();
      await page.locator('[data-testid=reader-body][data-readings=final] rt.jiedu-t1').first().waitFor();
    }
    return page;
  }

  /**
   * One visit per state and theme: axe and the screenshot at 1280 px, then the same page
   * narrowed to 400 and 360 px (the popup at its own 380 px), measured at each width.
   */
  for (const scheme of ['light', 'dark'] as const) {
    it(`in ${scheme}: axe-core finds nothing; nothing overflows, overlaps or is cut off at 360, 400 and 1280 px; each state matches its reference at 400 and 1280 px`, async () => {
      const violations: Record<string, unknown> = {};
      const faults: Record<string, unknown> = {};
      const differences: Record<string, string> = {};
      const measure = async (page: Page, name: string, width: number, shoot: boolean, layout = true) => {
        if (page.viewportSize()?.width !== width) {
          await page.setViewportSize({ width, height: 900 });
          // Two frames: the lists re-measure their width (ResizeObserver) and lay their rows out again.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        }
        if (layout) {
          const f = await layoutFaults(checked(page));
          if (f.horizontalOverflow > 0 || f.overlaps.length > 0 || f.clipped.length > 0) faults[`${name}@${width}`] = f;
        }
        if (shoot) {
          const d = await visualDifference(page, `${name}-${scheme}-${width}`);
          if (d) differences[`${name}-${scheme}-${width}`] = d;
        }
      };
      for (const s of STATES) {
        const popupState = s.name.startsWith('popup');
        const page = await s.open(scheme, popupState ? 380 : 1280);
        await injectAxe(checked(page));
        const v = await runAxe(checked(page));
        if (v.length > 0) violations[s.name] = v;
        if (popupState) await measure(page, s.name, 380, true);
        else {
          await measure(page, s.name, 1280, s.shoot !== false, s.layout);
          await measure(page, s.name, 400, s.shoot !== false, s.layout);
          if (s.layout !== false) await measure(page, s.name, 360, false);
        }
        await page.close();
      }
      expect({ violations, faults, differences }).toEqual({ violations: {}, faults: {}, differences: {} });
    }, 240_000);
  }

  it('follows the system, and the theme setting overrides it', async () => {
    const paper = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const page = await extensionPage('options.html', 'light', 800);
    const light = await paper(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await paper(page);
    expect(light).not.toBe(dark);
    // Dark: the paper is dark and the text light, as measured.
    const lum = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map(Number)
        .reduce((s, c) => s + c, 0) / 3;
    expect(lum(dark)).toBeLessThan(60);
    expect(lum(await page.evaluate(() => getComputedStyle(document.body).color))).toBeGreaterThan(180);
    await page.getByTestId('opt-theme').selectOption('light');
    await expect.poll(() => paper(page)).toBe(light);
    // Another page opened afterwards takes the setting, against the system.
    const lib = await extensionPage('library.html', 'dark', 800);
    await expect.poll(() => lib.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByTestId('opt-theme').selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => paper(page)).toBe(dark);
    // A page already open follows the change at once.
    await expect.poll(() => lib.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByTestId('opt-theme').selectOption('auto');
    await expect.poll(() => paper(page)).toBe(light);
    await lib.close();
    await page.close();
  });

  it('an article deleted from the keyboard: focus on Undo, the notice stays while focused, Undo returns focus to the row', async () => {
    const page = await library('light', 1280, 'articles');
    const focused = () =>
      page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()} ${document.activeElement?.closest('[data-testid=toast]') ? 'in toast ' : ''}${document.activeElement?.textContent ?? ''}`);
    await page.getByRole('button', { name: `Delete “${article.title}” from the library` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('button in toast Undo');
    // Longer than the notice's 8 s: while it has focus it stays.
    await page.waitForTimeout(9000);
    expect(await page.getByTestId('toast').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`button ${article.title}`);
    expect(await page.getByTestId('toast').count()).toBe(0);
    await page.close();
  });
});

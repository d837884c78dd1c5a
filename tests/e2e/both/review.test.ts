/**
 * Review in Chromium and Firefox: three words saved on a real article page become cards; the
 * Review page is worked by keyboard alone; after a reload the due dates are those ts-fsrs gives
 * for the same grades at the same times; undo brings a card back, a suspended card stays away,
 * and the popup's due count is the page's.
 */
import { expect, it } from 'vitest';
import { createEmptyCard, fsrs, type Grade } from 'ts-fsrs';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/review/settings.ts';
import { database, forEachBrowser, openPopup, textOf, waitForStored, type ExtensionHarness, type Tab } from '../harness/index.ts';
import { makeBackup, serializeBackup } from '../../../src/core/export/index.ts';
import { cardBox, clickForCard, pointAt, saveFromCardByKeyboard } from '../harness/page-words.ts';

const WORDS = ['罢工', '瘫痪', '退休'];
const ARTICLE = 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm';

const reviewState = (h: ExtensionHarness) => database(h, async (db) => ({ cards: await db.cards.toArray(), log: await db.reviewLog.toArray() }));
const shownCard = (page: Tab) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="review-card"]');
    return el ? { id: el.getAttribute('data-card-id'), shown: el.getAttribute('data-shown') === 'true' } : null;
  });
const dueOnPage = (page: Tab) => page.evaluate(() => document.querySelector('[data-testid="review-counts"]')?.getAttribute('data-due') ?? null);
const dueInPopup = (popup: Tab) => popup.evaluate(() => document.querySelector('[data-testid="review-due"]')?.getAttribute('data-due') ?? null);

/** Each card's schedule as ts-fsrs computes it from the card's creation and its logged grades and times. */
function expectedDue(createdAt: string, log: { grade: number; review: string }[]): string {
  const s = DEFAULT_REVIEW_SETTINGS;
  const f = fsrs({
    request_retention: s.retention,
    maximum_interval: s.maximumInterval,
    enable_fuzz: false,
    learning_steps: s.learningSteps.map((m) => `${m}m` as const),
    relearning_steps: s.relearningSteps.map((m) => `${m}m` as const),
  });
  let card = createEmptyCard(new Date(createdAt));
  for (const l of log) card = f.next(card, new Date(l.review), l.grade as Grade).card;
  return card.due.toISOString();
}

forEachBrowser('review', (h) => {
  it('studies three words saved on a real page by keyboard; due dates are what ts-fsrs gives; undo, suspend and the popup count', async () => {
    const demo = demoPages().find((p) => p.file.endsWith('xinhua-1.html'))!;
    const page = await h().newTab(demo.url);
    await waitForStored(h(), ARTICLE);
    for (const word of WORDS) {
      const point = await pointAt(page, '#p-detail p', word);
      expect(point, word).not.toBeNull();
      // The first look-up opens the dictionary in the background: slow on a loaded machine.
      await clickForCard(page, point!, `a card for ${word}`);
      await expect.poll(async () => (await page.evaluate(() => document.querySelector('jiedu-card')?.getBoundingClientRect().height ?? 0)) > 80).toBe(true);
      await saveFromCardByKeyboard(h(), page, word);
      await page.press('Escape');
      await expect.poll(() => cardBox(page)).toBeNull();
    }
    // Saved words become cards of the default kind (recognition), new and due.
    await expect.poll(async () => (await reviewState(h())).cards.map((c) => c.key).sort()).toEqual([...WORDS].sort());

    const popup = await openPopup(h(), page);
    await expect.poll(() => dueInPopup(popup)).toBe('3');
    await popup.close();

    const review = await h().openExtensionPage('review.html');
    await review.setViewport(1100, 800);
    await expect.poll(() => shownCard(review)).not.toBeNull();
    // The counts follow the first card.
    await expect.poll(() => dueOnPage(review)).toBe('3');
    await review.screenshot('review-question');
    // Keyboard only: Space shows the answer, a digit grades. Hard, Good, Easy (each well away from now).
    const graded: Record<string, number> = {};
    for (const g of [2, 3, 4]) {
      const before = (await shownCard(review))!;
      expect(before.shown).toBe(false);
      await review.press('Space');
      await expect.poll(async () => (await shownCard(review))?.shown).toBe(true);
      if (g === 2) {
        await review.screenshot('review-answer');
        // The sentence's article opens in the library's reading view, not on its site.
        const href = await review.evaluate(() => document.querySelector('[data-testid="review-article-link"]')?.getAttribute('href') ?? null);
        expect(href).toBe(`library.html#read=${encodeURIComponent(ARTICLE)}`);
        const reading = await h().openExtensionPage(href!);
        await expect.poll(() => reading.evaluate(() => document.querySelector('[data-testid="reader-title"]')?.textContent ?? ''), { timeout: 10_000 }).toContain('罢工');
        await reading.close();
      }
      await review.press(String(g));
      graded[before.id!] = g;
      await expect.poll(async () => (await shownCard(review))?.id ?? 'none').not.toBe(before.id);
    }
    await expect.poll(async () => (await reviewState(h())).log.length).toBe(3);
    await expect.poll(() => review.evaluate(() => !!document.querySelector('[data-testid="review-empty"]'))).toBe(true);
    await review.screenshot('review-done');

    // After a reload the session is empty (the three are scheduled minutes and days ahead), and each due date is ts-fsrs's.
    await review.goto(`${h().origin}/review.html`);
    await expect.poll(() => review.evaluate(() => !!document.querySelector('[data-testid="review-empty"]'))).toBe(true);
    await expect.poll(() => dueOnPage(review)).toBe('0');
    let state = await reviewState(h());
    for (const card of state.cards) {
      const log = state.log.filter((l) => l.cardId === card.id);
      expect(log.map((l) => l.grade)).toEqual([graded[card.id]]);
      expect(card.due, card.id).toBe(expectedDue(card.createdAt, log));
    }
    const easy = state.cards.find((c) => graded[c.id] === 4)!;
    expect(easy.queue).toBe('review');
    expect(Date.parse(easy.due) - Date.parse(easy.lastReview!)).toBeGreaterThanOrEqual(86_400_000);
    expect(state.cards.filter((c) => c.queue === 'learning')).toHaveLength(2);

    // U undoes the last grade (Easy): that card is new and shown again, question side.
    await review.press('u');
    await expect.poll(async () => (await shownCard(review))?.id).toBe(easy.id);
    expect((await shownCard(review))!.shown).toBe(false);
    await expect.poll(() => dueOnPage(review)).toBe('1');
    state = await reviewState(h());
    expect(state.log).toHaveLength(2);
    expect(state.cards.find((c) => c.id === easy.id)).toMatchObject({ queue: 'new', reps: 0, due: easy.createdAt });
    const popup2 = await openPopup(h(), page);
    await expect.poll(() => dueInPopup(popup2)).toBe('1');
    await popup2.close();

    // S suspends it: it leaves the session, stays away after a reload, and the popup counts nothing due.
    await review.press('s');
    await expect.poll(() => review.evaluate(() => !!document.querySelector('[data-testid="review-empty"]'))).toBe(true);
    await expect.poll(async () => (await reviewState(h())).cards.find((c) => c.id === easy.id)?.queue).toBe('suspended');
    await review.goto(`${h().origin}/review.html`);
    await expect.poll(() => review.evaluate(() => !!document.querySelector('[data-testid="review-empty"]'))).toBe(true);
    expect(await shownCard(review)).toBeNull();
    const popup3 = await openPopup(h(), page);
    await expect.poll(() => dueInPopup(popup3)).toBe('0');
    await popup3.screenshot('review-popup-button');
    await popup3.close();

    // The statistics count the two reviews kept.
    await review.click('#tab-stats');
    await expect.poll(() => review.evaluate(() => document.querySelector('[data-testid="chart-per-day"] svg')?.getAttribute('aria-label') ?? '')).toMatch(/: 2\b/);
    await review.screenshot('review-stats');
    await review.setViewport(360, 740);
    await review.screenshot('review-stats-360');

    // A backup carrying the cards and their log imports through the library, which says how many came in.
    const kept = await reviewState(h());
    const text = serializeBackup(makeBackup({ articles: [], vocabulary: [], settings: {}, cards: kept.cards, reviewLog: kept.log.map(({ id: _id, previous: _previous, ...l }) => l) }));
    await database(h(), async (db) => {
      await db.cards.clear();
      await db.reviewLog.clear();
      return null;
    });
    const lib = await h().openExtensionPage('library.html');
    await lib.setInputFile('[data-testid="backup-file"]', { name: 'backup.json', content: text });
    await expect.poll(() => textOf(lib, '[data-testid="backup-result-review"]'), { timeout: 30_000 }).toBe('Review: cards added 3, updated 0; review log entries added 2.');
    expect((await reviewState(h())).cards).toEqual(kept.cards);
    await lib.close();
    // The tabs by keyboard: End and Home reach the last and the first, the arrows the neighbours; the tab reached is chosen.
    const current = () => review.evaluate(() => `${document.activeElement?.id} ${document.querySelector('[role=tab][aria-selected=true]')?.id}`);
    await review.focus('#tab-study');
    await review.press('End');
    await expect.poll(current).toBe('tab-settings tab-settings');
    await review.press('ArrowRight');
    await expect.poll(current).toBe('tab-study tab-study');
    await review.press('ArrowLeft');
    await expect.poll(current).toBe('tab-settings tab-settings');
    await review.press('Home');
    await expect.poll(current).toBe('tab-study tab-study');
    await review.close();
    await page.close();
  });
});
